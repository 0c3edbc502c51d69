import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeText } from '../../shared/text/fold-vietnamese';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';

describe('Vietnamese folding', () => {
  it('folds a composed (NFC) name', () => {
    expect(foldVietnamese('Nguyễn Thị Đào'.normalize('NFC'))).toBe('nguyen thi dao');
  });

  it('folds a decomposed (NFD) name to the same key', () => {
    const decomposed = 'Nguyễn Thị Đào'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Thị Đào'.normalize('NFC'));
    expect(foldVietnamese(decomposed)).toBe('nguyen thi dao');
  });

  it('maps đ and Đ, which have no decomposition', () => {
    expect(foldVietnamese('đĐ Đặng Đình Đức')).toBe('dd dang dinh duc');
  });

  it('folds ỷ ỹ ỵ and their capitals in both forms', () => {
    expect(foldVietnamese('ỷ ỹ ỵ Ỷ Ỹ Ỵ ỳ ý')).toBe('y y y y y y y y');
    expect(foldVietnamese('ỷ ỹ ỵ'.normalize('NFD'))).toBe('y y y');
  });

  it('folds every tone on every vowel', () => {
    expect(foldVietnamese('àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự')).toBe(
      'aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu',
    );
  });

  it('collapses spaces', () => {
    expect(foldVietnamese('  Lê   Văn\tTám ')).toBe('le van tam');
  });

  it('stores names in NFC', () => {
    expect(normalizeText(' Nguyễn  Thị '.normalize('NFD'))).toBe('Nguyễn Thị'.normalize('NFC'));
  });

  it('makes written-order, given-name-first and name-and-birth-year search keys', () => {
    expect(
      patientSearchKeys({ familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Đào', dateOfBirth: '1990-03-12' }),
    ).toEqual({
      nameKey: 'nguyen thi dao',
      givenNameKey: 'dao nguyen thi',
      nameYearKey: 'nguyen thi dao|1990',
    });
    expect(
      patientSearchKeys({ familyName: 'Lò', middleName: '', givenName: 'Văn Pó', dateOfBirth: '1950-01-01' })
        .givenNameKey,
    ).toBe('van po lo');
  });
});
