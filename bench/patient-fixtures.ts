import { PROVINCES } from '../shared/admin-units/admin-units';
import type { PatientDocument } from '../shared/patient/patient-document';
import { buildPatientFromForm, EMPTY_REGISTRATION_FORM } from '../shared/patient/registration-form';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Giàng', 'Lò', 'Sùng', 'Vàng', 'Đặng', 'Bùi'];
const MIDDLE = ['Thị', 'Văn', 'A', 'Seo', 'Thị Thu', 'Đức', 'Minh', 'Ngọc'];
const GIVEN = ['Đào', 'Hoa', 'Páo', 'Mai', 'Dũng', 'Lan', 'Sính', 'Chứ', 'Hùng', 'Thảo', 'Mỷ', 'Tủa'];
const LAO_CAI = PROVINCES.find((province) => province.code === '15');

/** A small deterministic PRNG (mulberry32), so every run syncs the same documents. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The n-th of distinct 8-character patient-code suffixes: the server refuses two alike. */
function sequentialCode(n: number): string {
  let code = '';
  for (let rest = n, place = 0; place < 8; place++, rest = Math.floor(rest / 32))
    code = CROCKFORD.charAt(rest % 32) + code;
  return code;
}

/**
 * `count` valid patient documents of a facility, authored by `registrarId`, about 540 bytes of
 * JSON each, with the variety of real registrations (names, identifiers, wards). Browser-safe:
 * the clinical-scale bench generates its 100,000 patients inside the page.
 */
export function generatePatients(
  count: number,
  facilityCode: string,
  seed: number,
  registrarId: string,
): PatientDocument[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const wards = LAO_CAI?.wards ?? [];
  const documents: PatientDocument[] = [];
  for (let n = 0; n < count; n++) {
    const year = 1940 + Math.floor(next() * 80);
    const female = next() < 0.5;
    const hex = n.toString(16).padStart(12, '0');
    const built = buildPatientFromForm(
      {
        ...EMPTY_REGISTRATION_FORM,
        familyName: pick(FAMILY),
        middleName: pick(MIDDLE),
        givenName: pick(GIVEN),
        dateOfBirth: `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}/0${1 + Math.floor(next() * 9)}/${year}`,
        sex: female ? 'female' : 'male',
        cccd: `010${(female ? 1 : 0) + (year >= 2000 ? 2 : 0)}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`,
        bhyt: `HN410${String(1_000_000_000 + n)}`,
        phone: `09${String(10_000_000 + n).padStart(8, '0')}`,
        provinceCode: '15',
        wardCode: pick(wards)[0],
        street: `Thôn ${1 + Math.floor(next() * 20)}, bản ${pick(GIVEN)}`,
        ethnicityCode: pick(['01', '08', '09', '02', '03']),
      },
      {
        userId: registrarId,
        id: `0190a0b0-${facilityCode.slice(1)}-7000-8000-${hex}`.slice(0, 36),
        patientCode: `${facilityCode}-${sequentialCode(n)}`,
        facilityCode,
        deviceId: 'bench-device',
        now: '2026-11-20T08:00:00.000Z',
      },
    );
    if (!built.ok) throw new Error(`bench fixture ${n} is invalid: ${JSON.stringify(built.problems)}`);
    documents.push(built.patient);
  }
  return documents;
}
