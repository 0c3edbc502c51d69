import { describe, expect, it } from 'vitest';
import { storedPatientCode } from './resolve-patient';

describe('a patient code as an admin types it', () => {
  it('is found in any case, with the printed grouping, without dashes or as stored', () => {
    for (const typed of ['10010-WJYR-S2BW', '10010-wjyrs2bw', '10010WJYRS2BW', ' 10010-WJYRS2BW ']) {
      expect(storedPatientCode(typed)).toBe('10010-WJYRS2BW');
    }
  });

  it('is no code when it cannot be one: an internal id, letters the codes never use, a short one', () => {
    for (const typed of ['019393a2-6f1e-7cc2-9a51-0d7a3b0f3c11', '10010-WJYR-S2BU', '10010-WJYR', 'ABCDE-WJYRS2BW']) {
      expect(storedPatientCode(typed)).toBeNull();
    }
  });
});
