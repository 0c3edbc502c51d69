import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newPatientCode, PATIENT_CODE_PATTERN } from '../../shared/identifiers/patient-code';

describe('patient codes', () => {
  it('carry the facility code and 8 unambiguous characters', () => {
    const code = newPatientCode('10010', (length) => randomBytes(length));
    expect(code).toMatch(PATIENT_CODE_PATTERN);
    expect(code.startsWith('10010-')).toBe(true);
    expect(code).not.toMatch(/[ILOU]/);
  });

  it('do not repeat across 20,000 codes issued offline', () => {
    const codes = new Set(
      Array.from({ length: 20_000 }, () => newPatientCode('10010', (length) => randomBytes(length))),
    );
    expect(codes.size).toBe(20_000);
  });
});
