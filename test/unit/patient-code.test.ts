import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  displayPatientCode,
  newPatientCode,
  PATIENT_CODE_PATTERN,
  typedPatientCode,
} from '../../shared/identifiers/patient-code';

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

  it('are shown in groups of four for reading aloud, and stored unchanged', () => {
    expect(displayPatientCode('10010-WJYRS2BW')).toBe('10010-WJYR-S2BW');
    expect(displayPatientCode('not a code')).toBe('not a code');
  });

  it.each([
    ['10010-WJYR-S2BW', '10010-WJYRS2BW'],
    ['10010WJYRS2BW', '10010-WJYRS2BW'],
    ['10010-wjyr-s2bw', '10010-WJYRS2BW'],
    ['10010 wjyr s2', '10010-WJYRS2'],
    ['10010-W1YR-S0BW', '10010-W1YRS0BW'],
    ['10010-WIYR-SOBW', '10010-W1YRS0BW'],
    ['1001', '1001'],
  ])('are read from %j typed as %j', (typed, stored) => {
    expect(typedPatientCode(typed)).toBe(stored);
  });

  it.each(['nguyen', 'HN4101000', '10010-WJYRS2BWX', ''])('are not read from %j', (typed) => {
    expect(typedPatientCode(typed)).toBeNull();
  });
});
