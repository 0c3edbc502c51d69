import { describe, expect, it } from 'vitest';
import type { VitalSigns } from './observation-document';
import { abnormalVitalSigns, bodyMassIndex, vitalSignsProblems } from './vital-signs';

const none: VitalSigns = {
  pulse: null,
  systolic: null,
  diastolic: null,
  temperature: null,
  respiratoryRate: null,
  spo2: null,
  weightKg: null,
  heightCm: null,
};

describe('vital signs', () => {
  it('computes BMI to one decimal from weight and height, and nothing without both', () => {
    expect(bodyMassIndex({ weightKg: 60, heightCm: 160 })).toBe(23.4);
    expect(bodyMassIndex({ weightKg: 92.5, heightCm: 172 })).toBe(31.3);
    expect(bodyMassIndex({ weightKg: 60, heightCm: null })).toBeNull();
  });

  it('refuses implausible values, a diastolic not below the systolic, and an empty set', () => {
    expect(vitalSignsProblems({ ...none, pulse: 72, temperature: 36.8 })).toEqual([]);
    expect(vitalSignsProblems({ ...none, pulse: 720, temperature: 368 })).toEqual([
      { field: 'pulse', code: 'implausible' },
      { field: 'temperature', code: 'implausible' },
    ]);
    expect(vitalSignsProblems({ ...none, systolic: 80, diastolic: 120 })).toEqual([
      { field: 'diastolic', code: 'diastolic-not-below-systolic' },
    ]);
    expect(vitalSignsProblems(none)).toEqual([{ field: 'vitals', code: 'nothing-measured' }]);
  });

  it('flags values outside the normal range, low or high, and only those', () => {
    expect(
      abnormalVitalSigns({ ...none, pulse: 120, systolic: 165, diastolic: 95, temperature: 36.6, spo2: 91 }),
    ).toEqual({ pulse: 'high', systolic: 'high', diastolic: 'high', spo2: 'low' });
    expect(abnormalVitalSigns({ ...none, pulse: 60, respiratoryRate: 20 })).toEqual({});
  });
});
