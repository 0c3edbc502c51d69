import { crockfordDigits, DEVICE_TAG_PATTERN } from './device-tag';

/** N: narcotic (gây nghiện), H: psychotropic (hướng thần), C: every other prescription. */
export type PrescriptionType = 'N' | 'H' | 'C';

/** How many prescriptions one PC can issue: 32^5, about 33 million. */
export const PRESCRIPTION_SERIALS = 32 ** 5;

/**
 * The code printed on a prescription (DOMAIN.md): the facility's five digits, seven characters,
 * the type. The seven are the issuing PC's tag (two, unique in the facility) and its own serial
 * number (five), so PCs issuing offline at the same time can never give two prescriptions one
 * code; the server checks uniqueness again.
 */
export function prescriptionCode(
  facilityCode: string,
  deviceTag: string,
  serial: number,
  type: PrescriptionType,
): string {
  if (!/^\d{5}$/.test(facilityCode)) throw new RangeError(`facility code ${facilityCode}`);
  if (!DEVICE_TAG_PATTERN.test(deviceTag)) throw new RangeError(`device tag ${deviceTag}`);
  if (!Number.isInteger(serial) || serial < 0 || serial >= PRESCRIPTION_SERIALS)
    throw new RangeError(`prescription serial ${String(serial)}`);
  return `${facilityCode}${deviceTag}${crockfordDigits(serial, 5)}${type}`;
}
