import type { VitalSigns } from '../../shared/clinical/observation-document';
import type { VitalSign } from '../../shared/clinical/vital-signs';

/** The signs in the order a nurse takes and types them. */
export const VITAL_SIGN_ORDER: readonly VitalSign[] = [
  'pulse',
  'systolic',
  'diastolic',
  'temperature',
  'respiratoryRate',
  'spo2',
  'weightKg',
  'heightCm',
];

export type VitalsForm = Record<VitalSign, string>;

export const EMPTY_VITALS_FORM: VitalsForm = {
  pulse: '',
  systolic: '',
  diastolic: '',
  temperature: '',
  respiratoryRate: '',
  spo2: '',
  weightKg: '',
  heightCm: '',
};

/**
 * The typed values as numbers (a decimal comma is the Vietnamese way: `37,5`), empty fields as
 * not measured; the fields that are not numbers at all are listed apart.
 */
export function parseVitalsForm(form: VitalsForm): { vitals: VitalSigns; notNumbers: VitalSign[] } {
  const vitals = {} as VitalSigns;
  const notNumbers: VitalSign[] = [];
  for (const sign of VITAL_SIGN_ORDER) {
    const text = form[sign].trim().replace(',', '.');
    if (text === '') {
      vitals[sign] = null;
      continue;
    }
    const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) {
      notNumbers.push(sign);
      vitals[sign] = null;
    } else vitals[sign] = value;
  }
  return { vitals, notNumbers };
}
