import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogEntryFixture, GLUCOSE, ICD_ANY } from '../../test/helpers/catalog-fixtures';
import { CATALOG_INDEXES, catalogEntryId, catalogEntrySchema, isEntryOfKind } from './catalog-entry';
import { isValidLoinc, loincCheckDigit } from './loinc';

const pneumonia = catalogEntryFixture('icd10', 'J18.9', 'Viêm phổi, không đặc hiệu', ICD_ANY, {
  nameEn: 'Pneumonia, unspecified',
});

function problemsOf(entry: unknown): string[] {
  const result = catalogEntrySchema.safeParse(entry);
  return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

describe('catalog entries', () => {
  it('accepts one entry of every kind', () => {
    const entries = [
      pneumonia,
      catalogEntryFixture('lab-test', 'SEN-XN-024', 'Glucose máu', GLUCOSE),
      catalogEntryFixture('lab-test', '1234567', 'Glucose máu', GLUCOSE),
      catalogEntryFixture('drug', 'SEN-T-0001', 'Paracetamol 500mg', {
        ingredient: 'Paracetamol',
        strength: '500mg',
        form: 'Viên nén',
        route: 'Uống',
        unit: 'Viên',
        unitContent: null,
      }),
      catalogEntryFixture('service', 'SEN-DV-001', 'Khám Nội', { group: 'examination', unit: 'Lần' }),
      catalogEntryFixture('department', 'KKB', 'Khoa Khám bệnh', { type: 'clinical' }),
      catalogEntryFixture('facility', '10010', 'Trung tâm Y tế khu vực Bát Xát (demo)', {
        level: 'regional',
        address: '',
        demo: true,
      }),
    ];
    for (const entry of entries) expect(problemsOf(entry)).toEqual([]);
  });

  it('makes the id of kind, code and effective date, so a second import yields the same ids', () => {
    expect(pneumonia.id).toBe('icd10:J18.9:2026-01-01');
    expect(catalogEntryId('icd10', 'J18.9', '2026-01-01')).toBe(pneumonia.id);
    expect(problemsOf({ ...pneumonia, id: 'icd10:J18.9:2027-01-01' })).toEqual(['id']);
  });

  it("refuses details that are not those of the entry's kind", () => {
    expect(problemsOf({ ...pneumonia, details: GLUCOSE })).toContain('details');
    expect(problemsOf({ ...pneumonia, details: { ...ICD_ANY, extra: 1 } })).toContain('details');
  });

  it('refuses a code that is not of its kind', () => {
    const bad = { ...pneumonia, code: 'J189X', id: catalogEntryId('icd10', 'J189X', '2026-01-01') };
    expect(problemsOf(bad)).toEqual(['code']);
    const lab = catalogEntryFixture('lab-test', '123456', 'Glucose máu', GLUCOSE);
    expect(problemsOf(lab)).toEqual(['code']);
  });

  it('requires the search key to be the folded name, and the name to be NFC', () => {
    expect(problemsOf({ ...pneumonia, searchKey: 'viêm phổi' })).toEqual(['searchKey']);
    const decomposed = 'Viêm phổi, không đặc hiệu'.normalize('NFD');
    expect(problemsOf({ ...pneumonia, name: decomposed })).toContain('name');
  });

  it('refuses a version that ends before it starts, a date that does not exist, and unknown fields', () => {
    expect(problemsOf({ ...pneumonia, effectiveTo: '2025-12-31' })).toEqual(['effectiveTo']);
    expect(problemsOf({ ...pneumonia, effectiveTo: '2026-02-30' })).toContain('effectiveTo');
    expect(problemsOf({ ...pneumonia, colour: 'red' })).toHaveLength(1);
    expect(problemsOf({ ...pneumonia, updatedBy: 'bacsi' })).toEqual(['updatedBy']);
  });

  it('refuses lab details with a mistyped LOINC code or an inverted range', () => {
    const entry = catalogEntryFixture('lab-test', 'SEN-XN-024', 'Glucose máu', GLUCOSE);
    expect(problemsOf({ ...entry, details: { ...GLUCOSE, loinc: '14749-5' } })).toContain('details');
    const inverted = [{ sex: 'any', minAgeYears: 0, maxAgeYears: null, low: 7, high: 3 }];
    expect(problemsOf({ ...entry, details: { ...GLUCOSE, referenceRanges: inverted } })).toContain('details');
  });

  it('narrows an entry to its kind', () => {
    expect(isEntryOfKind(pneumonia, 'icd10')).toBe(true);
    expect(isEntryOfKind(pneumonia, 'drug')).toBe(false);
  });

  it('gives the client database a JSON schema whose indexed fields are required strings with a length', () => {
    const jsonSchema = z.toJSONSchema(catalogEntrySchema, { io: 'output' });
    const properties = jsonSchema.properties as Record<string, { type?: string; maxLength?: number }>;
    for (const field of new Set(['id', ...CATALOG_INDEXES.flat()])) {
      expect(jsonSchema.required).toContain(field);
      expect(properties[field]?.maxLength).toBeGreaterThan(0);
    }
  });
});

describe('LOINC check digits', () => {
  it('accepts real codes and refuses a changed digit', () => {
    for (const code of ['2345-7', '718-7', '14749-6', '22664-7', '4548-4', '94558-4']) {
      expect(isValidLoinc(code)).toBe(true);
    }
    expect(isValidLoinc('2345-8')).toBe(false);
    expect(isValidLoinc('2354-7')).toBe(false);
    expect(isValidLoinc('GLU')).toBe(false);
    expect(loincCheckDigit('2345')).toBe(7);
  });
});
