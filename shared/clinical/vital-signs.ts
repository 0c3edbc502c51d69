import type { VitalSigns } from './observation-document';

export type VitalSign = keyof VitalSigns;

interface VitalRange {
  /** Outside these a value is a typing error (or a dead patient): refused. */
  plausible: [number, number];
  /** Outside these (for an adult at rest) it is flagged for the doctor. */
  normal: [number, number];
}

/**
 * Plausible and normal ranges of adult vital signs at rest. The normal ranges are the usual
 * textbook ones (pulse 60–100/min, BP < 140/90 mmHg, 36.0–37.5 °C axillary, 12–20 breaths/min,
 * SpO2 ≥ 95 %); children's differ and are flagged against these with care (the flag is a hint).
 */
export const VITAL_RANGES: Readonly<Record<VitalSign, VitalRange>> = {
  pulse: { plausible: [20, 300], normal: [60, 100] },
  systolic: { plausible: [50, 300], normal: [90, 139] },
  diastolic: { plausible: [20, 200], normal: [60, 89] },
  temperature: { plausible: [30, 45], normal: [36, 37.5] },
  respiratoryRate: { plausible: [4, 80], normal: [12, 20] },
  spo2: { plausible: [50, 100], normal: [95, 100] },
  weightKg: { plausible: [0.3, 400], normal: [0.3, 400] },
  heightCm: { plausible: [25, 250], normal: [25, 250] },
};

export type VitalProblem = { field: VitalSign | 'vitals'; code: string };

/** Why a set of vital signs cannot be recorded: implausible values, or nothing measured. */
export function vitalSignsProblems(vitals: VitalSigns): VitalProblem[] {
  const problems: VitalProblem[] = [];
  for (const [sign, range] of Object.entries(VITAL_RANGES) as [VitalSign, VitalRange][]) {
    const value = vitals[sign];
    if (value === null) continue;
    if (value < range.plausible[0] || value > range.plausible[1]) problems.push({ field: sign, code: 'implausible' });
  }
  if (vitals.systolic !== null && vitals.diastolic !== null && vitals.diastolic >= vitals.systolic)
    problems.push({ field: 'diastolic', code: 'diastolic-not-below-systolic' });
  if (Object.values(vitals).every((value) => value === null))
    problems.push({ field: 'vitals', code: 'nothing-measured' });
  return problems;
}

/** Which measured signs are outside the normal range, and which way. */
export function abnormalVitalSigns(vitals: VitalSigns): Partial<Record<VitalSign, 'low' | 'high'>> {
  const flags: Partial<Record<VitalSign, 'low' | 'high'>> = {};
  for (const [sign, range] of Object.entries(VITAL_RANGES) as [VitalSign, VitalRange][]) {
    const value = vitals[sign];
    if (value === null) continue;
    if (value < range.normal[0]) flags[sign] = 'low';
    else if (value > range.normal[1]) flags[sign] = 'high';
  }
  return flags;
}

/** Body-mass index, kg/m², to one decimal; null unless both weight and height were measured. */
export function bodyMassIndex(vitals: Pick<VitalSigns, 'weightKg' | 'heightCm'>): number | null {
  if (vitals.weightKg === null || vitals.heightCm === null || vitals.heightCm <= 0) return null;
  const metres = vitals.heightCm / 100;
  return Math.round((vitals.weightKg / (metres * metres)) * 10) / 10;
}
