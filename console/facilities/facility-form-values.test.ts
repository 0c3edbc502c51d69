import { describe, expect, it } from 'vitest';
import { EMPTY_FACILITY, facilityFormErrors, newFacilityOf } from './facility-form-values';

const valid = {
  code: '10015',
  name: '  Trạm Y tế xã Bản Xèo ',
  level: 'ban-dau',
  provinceCode: '15',
  wardCode: '02647',
};

describe('the facility form', () => {
  it('names every missing field of an empty form', () => {
    expect(Object.keys(facilityFormErrors(EMPTY_FACILITY)).sort()).toEqual([
      'code',
      'level',
      'name',
      'provinceCode',
      'wardCode',
    ]);
  });

  it.each(['1001', '100150', '10000', '1a015'])('refuses the facility code %s', (code) => {
    expect(facilityFormErrors({ ...valid, code }).code).toBe('errors.codeFormat');
  });

  it('accepts a complete facility and trims its name', () => {
    expect(facilityFormErrors(valid)).toEqual({});
    expect(newFacilityOf(valid)).toMatchObject({ code: '10015', name: 'Trạm Y tế xã Bản Xèo', level: 'ban-dau' });
  });
});
