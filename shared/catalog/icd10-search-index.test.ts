import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold-vietnamese';
import { buildIcd10SearchIndex, normalizeIcd10Code, searchIcd10 } from './icd10-search-index';

const entry = (code: string, name: string, nameEn = '') => ({ code, searchKey: foldVietnamese(name), nameEn, name });

const entries = [
  entry('J18.9', 'Viêm phổi, không đặc hiệu', 'Pneumonia, unspecified'),
  entry('J18.0', 'Viêm phế quản phổi, không đặc hiệu', 'Bronchopneumonia, unspecified'),
  entry('J12.9', 'Viêm phổi do virus, không đặc hiệu', 'Viral pneumonia, unspecified'),
  entry('J15.9', 'Viêm phổi do vi khuẩn, không đặc hiệu', 'Bacterial pneumonia, unspecified'),
  entry('J20.9', 'Viêm phế quản cấp, không đặc hiệu', 'Acute bronchitis, unspecified'),
  entry('J18', 'Viêm phổi, tác nhân không xác định', 'Pneumonia, organism unspecified'),
  entry('K29.7', 'Viêm dạ dày, không đặc hiệu', 'Gastritis, unspecified'),
  entry('A09', 'Tiêu chảy, viêm dạ dày ruột non có nguồn gốc nhiễm khuẩn'),
  entry('S72.0', 'Gãy cổ xương đùi', 'Fracture of neck of femur'),
  entry('I10', 'Bệnh tăng huyết áp vô căn (nguyên phát)', 'Essential (primary) hypertension'),
];
const index = buildIcd10SearchIndex(entries);
const codes = (query: string, limit?: number) => searchIcd10(index, query, limit).map((found) => found.code);

describe('ICD-10 search by code', () => {
  it('finds codes by prefix, with or without the dot, in any case', () => {
    expect(codes('J18')).toEqual(['J18', 'J18.0', 'J18.9']);
    expect(codes('j18.9')).toEqual(['J18.9']);
    expect(codes('J189')).toEqual(['J18.9']);
    expect(codes('s72')).toEqual(['S72.0']);
    expect(codes('Z99')).toEqual([]);
    expect(normalizeIcd10Code(' s72.0 ')).toBe('S720');
  });

  it('narrows a code prefix by words typed after it', () => {
    expect(codes('J18 phe quan')).toEqual(['J18.0']);
  });
});

describe('ICD-10 search by words typed without diacritics', () => {
  it('puts J18.9 "Viêm phổi, không đặc hiệu" first for "viem phoi"', () => {
    const found = codes('viem phoi');
    expect(found[0]).toBe('J18.9');
    expect(found).toEqual(expect.arrayContaining(['J18', 'J12.9', 'J15.9', 'J18.0']));
    expect(found).not.toContain('J20.9');
  });

  it('matches word prefixes in any order, with or without diacritics', () => {
    expect(codes('phoi vi khuan')).toEqual(['J15.9']);
    expect(codes('Viêm Phổi Do Vi')).toEqual(['J15.9', 'J12.9']);
    expect(codes('gay co xuong dui')).toEqual(['S72.0']);
    expect(codes('huyet ap')).toEqual(['I10']);
    expect(codes('tieu chay')).toEqual(['A09']);
  });

  it('matches the English name too', () => {
    expect(codes('pneumonia')).toEqual(['J18.9', 'J12.9', 'J18', 'J15.9']);
    expect(codes('femur')).toEqual(['S72.0']);
  });

  it('returns nothing for nothing and for words no name holds, and honours the limit', () => {
    expect(codes('')).toEqual([]);
    expect(codes('  ,, ')).toEqual([]);
    expect(codes('viem xyz')).toEqual([]);
    expect(codes('viem', 3)).toHaveLength(3);
  });
});

describe('ICD-10 search over a list the size of the ministry’s', () => {
  it('answers from ~15,800 rows and still finds the one row a query means', () => {
    const big = [];
    for (let copy = 0; copy < 1580; copy += 1) {
      for (const [position, item] of entries.entries()) {
        const letter = String.fromCharCode(65 + ((copy * 10 + position) % 20));
        const number = String(Math.floor((copy * 10 + position) / 20) % 100).padStart(2, '0');
        big.push({ ...item, code: `${letter}${number}.${copy % 10}`, searchKey: `${item.searchKey} ${copy}` });
      }
    }
    big.push(entry('U07.1', 'COVID-19, đã định danh virus', 'COVID-19, virus identified'));
    const bigIndex = buildIcd10SearchIndex(big);
    expect(big.length).toBeGreaterThan(15_800);
    expect(searchIcd10(bigIndex, 'covid').map((found) => found.code)).toEqual(['U07.1']);
    expect(searchIcd10(bigIndex, 'u07').map((found) => found.code)).toEqual(['U07.1']);
    expect(searchIcd10(bigIndex, 'viem phoi', 20)).toHaveLength(20);
  });
});
