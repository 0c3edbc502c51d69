import { describe, expect, it } from 'vitest';
import { catalogEntryFixture, ICD_ANY } from '../../test/helpers/catalog-fixtures';
import type { Icd10Details } from './catalog-details';
import {
  canBePrimaryDiagnosis,
  diagnosisProblem,
  fitsPatientSex,
  icd10ChapterOf,
  icd10FlagProblems,
  requiredSexOf,
} from './icd10-rules';

const details = (overrides: Partial<Icd10Details>): Icd10Details => ({ ...ICD_ANY, ...overrides });
const delivery = catalogEntryFixture('icd10', 'O80', 'Đẻ thường một thai', {
  chapter: 'XV',
  block: 'O80-O84',
  category: 'O80',
  mark: '',
  notPrimary: false,
  sex: 'female',
});
const prostate = catalogEntryFixture('icd10', 'N40', 'Tăng sản tuyến tiền liệt', {
  chapter: 'XIV',
  block: 'N40-N51',
  category: 'N40',
  mark: '',
  notPrimary: false,
  sex: 'male',
});
const meningitisIn = catalogEntryFixture('icd10', 'G01', 'Viêm màng não trong bệnh nhiễm khuẩn phân loại nơi khác', {
  chapter: 'VI',
  block: 'G00-G09',
  category: 'G01',
  mark: 'asterisk',
  notPrimary: true,
  sex: 'any',
});
const pneumonia = catalogEntryFixture('icd10', 'J18.9', 'Viêm phổi, không đặc hiệu', ICD_ANY);

describe('ICD-10 rules for a diagnosis', () => {
  it('refuses an asterisk code as the primary diagnosis but takes it as a secondary one', () => {
    expect(canBePrimaryDiagnosis(meningitisIn)).toBe(false);
    expect(diagnosisProblem(meningitisIn, 'male', 'primary')).toBe('not-allowed-as-primary');
    expect(diagnosisProblem(meningitisIn, 'male', 'secondary')).toBeNull();
    expect(diagnosisProblem(pneumonia, 'female', 'primary')).toBeNull();
  });

  it("checks the code against the patient's sex", () => {
    expect(fitsPatientSex(delivery, 'female')).toBe(true);
    expect(fitsPatientSex(delivery, 'male')).toBe(false);
    expect(diagnosisProblem(prostate, 'female', 'secondary')).toBe('wrong-sex');
    expect(fitsPatientSex(pneumonia, 'male') && fitsPatientSex(pneumonia, 'female')).toBe(true);
  });
});

describe("ICD-10 rules an imported list's flags must follow", () => {
  it('knows the sex-specific ranges', () => {
    expect(requiredSexOf('O99.0')).toBe('female');
    expect(requiredSexOf('N73.9')).toBe('female');
    expect(requiredSexOf('C53.9')).toBe('female');
    expect(requiredSexOf('N40')).toBe('male');
    expect(requiredSexOf('C61')).toBe('male');
    expect(requiredSexOf('N39.0')).toBeNull();
    expect(requiredSexOf('C50.9')).toBeNull();
  });

  it('wants external causes, infectious agents and asterisk codes flagged as not primary', () => {
    const external = { chapter: 'XX', block: 'W00-W19', category: 'W19' } as const;
    expect(icd10FlagProblems('W19', details(external))).toEqual(['additional-code-allowed-as-primary']);
    expect(icd10FlagProblems('W19', details({ ...external, notPrimary: true }))).toEqual([]);
    const agent = { chapter: 'I', block: 'B95-B98', category: 'B95' } as const;
    expect(icd10FlagProblems('B95.6', details(agent))).toEqual(['additional-code-allowed-as-primary']);
    const asterisk = { chapter: 'VI', block: 'G00-G09', category: 'G01', mark: 'asterisk' } as const;
    expect(icd10FlagProblems('G01', details(asterisk))).toEqual(['asterisk-code-allowed-as-primary']);
  });

  it('wants pregnancy and genital codes restricted to their sex', () => {
    const pregnancy = { chapter: 'XV', block: 'O80-O84', category: 'O80' } as const;
    expect(icd10FlagProblems('O80', details(pregnancy))).toEqual(['sex-restriction-missing']);
    expect(icd10FlagProblems('O80', details({ ...pregnancy, sex: 'male' }))).toEqual(['sex-restriction-missing']);
    expect(icd10FlagProblems('O80', details({ ...pregnancy, sex: 'female' }))).toEqual([]);
  });

  it('checks the chapter, block and category against the code', () => {
    expect(icd10FlagProblems('J18.9', ICD_ANY)).toEqual([]);
    expect(icd10FlagProblems('J20.9', ICD_ANY)).toEqual(['category-mismatch', 'block-mismatch']);
    expect(icd10FlagProblems('J18.9', details({ chapter: 'XI' }))).toEqual(['chapter-mismatch']);
    expect(icd10ChapterOf('S72.0')).toBe('XIX');
    expect(icd10ChapterOf('T63.0')).toBe('XIX');
    expect(icd10ChapterOf('U07.1')).toBe('XXII');
    expect(icd10ChapterOf('H66.9')).toBe('VIII');
  });
});
