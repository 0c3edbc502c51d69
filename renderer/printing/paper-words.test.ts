import { describe, expect, it } from 'vitest';
import { referralValidUntil } from '../../shared/referral/referral-paper';
import { completedMonths } from '../../shared/patient/patient-age';
import { ageOnPaper } from './paper-age';
import { dateInWords, localDay, placeAndDate } from './paper-dates';
import { diagnosesOnPaper, paperFacility } from './paper-parts';

describe('dates on a paper', () => {
  it('writes the day in words, as the forms do', () => {
    expect(dateInWords('2026-12-03')).toBe('ngày 03 tháng 12 năm 2026');
    expect(placeAndDate('Lào Cai', '2026-01-09')).toBe('Lào Cai, ngày 09 tháng 01 năm 2026');
  });

  it('starts the line with a capital when the place is not known', () => {
    expect(placeAndDate('', '2026-12-03')).toBe('Ngày 03 tháng 12 năm 2026');
  });

  it('dates a paper by the local day of a device time', () => {
    const noonLocal = new Date(2026, 11, 3, 12, 0).toISOString();
    expect(localDay(noonLocal)).toBe('2026-12-03');
  });
});

describe('age on a paper', () => {
  it('counts completed years from six years of age', () => {
    expect(ageOnPaper('1968-06-05', '2026-12-03')).toBe('58 tuổi');
    expect(ageOnPaper('1968-12-04', '2026-12-03')).toBe('57 tuổi');
    expect(ageOnPaper('2020-12-03', '2026-12-03')).toBe('6 tuổi');
  });

  it('counts months under 72 months, as prescriptions for children require', () => {
    expect(ageOnPaper('2025-06-10', '2026-12-03')).toBe('17 tháng tuổi');
    expect(ageOnPaper('2020-12-04', '2026-12-03')).toBe('71 tháng tuổi');
    expect(completedMonths('2026-10-31', '2026-11-30')).toBe(0);
  });

  it('counts days in the first month', () => {
    expect(ageOnPaper('2026-11-20', '2026-12-03')).toBe('13 ngày tuổi');
    expect(ageOnPaper('2026-12-03', '2026-12-03')).toBe('0 ngày tuổi');
  });
});

describe('the facility heading', () => {
  it('names the provincial health department and the place from the province', () => {
    expect(paperFacility({ code: '10010', name: 'Trung tâm Y tế Bát Xát', provinceCode: '15' })).toEqual({
      authority: 'SỞ Y TẾ TỈNH LÀO CAI',
      name: 'Trung tâm Y tế Bát Xát',
      code: '10010',
      place: 'Lào Cai',
    });
    expect(paperFacility({ code: '01001', name: 'Bệnh viện', provinceCode: '01' }).place).toBe('Hà Nội');
  });

  it('still heads the paper when the province is unknown', () => {
    expect(paperFacility({ code: '99001', name: 'Phòng khám', provinceCode: '' })).toMatchObject({
      authority: 'SỞ Y TẾ',
      place: '',
    });
  });
});

describe('diagnoses on a paper', () => {
  it('puts the primary diagnosis first, each with its code', () => {
    expect(
      diagnosesOnPaper([
        { code: 'E11', name: 'Đái tháo đường týp 2', primary: false },
        { code: 'I10', name: 'Tăng huyết áp', primary: true },
      ]),
    ).toBe('I10 – Tăng huyết áp; E11 – Đái tháo đường týp 2');
  });
});

describe('how long a referral paper is valid', () => {
  it('ten working days, counting the day of issue, skipping weekends', () => {
    // Thursday 3 December 2026 → Wednesday 16 December.
    expect(referralValidUntil('2026-12-03', false)).toBe('2026-12-16');
    // Issued on a Saturday: the count starts on Monday.
    expect(referralValidUntil('2026-12-05', false)).toBe('2026-12-18');
  });

  it('a year for a chronic disease', () => {
    expect(referralValidUntil('2026-12-03', true)).toBe('2027-12-02');
    expect(referralValidUntil('2028-02-29', true)).toBe('2029-02-28');
  });
});
