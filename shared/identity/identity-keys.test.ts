import { describe, expect, it } from 'vitest';
import { bhytNumber, identityKeys, MATCHING_KIND, RULE_OF_KIND, type IdentityFields } from './identity-keys';
import { temporaryCode } from './temporary-code';

const adult: IdentityFields = {
  familyName: 'Nguyễn',
  middleName: 'Thị',
  givenName: 'Đào',
  dateOfBirth: '1990-03-05',
  sex: 'female',
  cccd: '001190012345',
  bhyt: 'DN4010123456789',
  address: { provinceCode: '01', wardCode: '00004', street: '' },
  patientCode: '01001-ABCD1234',
  createdAt: '2026-12-01T08:00:00.000Z',
};

const newborn: IdentityFields = {
  ...adult,
  familyName: 'Con bà',
  middleName: 'Nguyễn Thị',
  givenName: 'Đào',
  dateOfBirth: '2026-11-28',
  sex: 'male',
  cccd: '',
  bhyt: '',
  patientCode: '01001-NEWB0RN1',
};

describe('the keys the province indexes a patient under', () => {
  it('keeps a 12-digit CCCD, the BHYT social-insurance number and the folded name with birth date and ward', () => {
    expect(identityKeys(adult)).toEqual([
      { kind: 'cccd', value: '001190012345' },
      { kind: 'bhyt', value: '0123456789' },
      { kind: 'name-birth-ward', value: 'nguyen thi dao|1990-03-05|00004' },
      { kind: 'newborn-cccd', value: '1990-03-05|00004|female' },
    ]);
  });

  it('folds diacritics, đ, case and spacing out of the name', () => {
    const typed = { ...adult, familyName: 'NGUYEN', middleName: ' thi ', givenName: 'dao' };
    const decomposed = { ...adult, givenName: 'Đào'.normalize('NFD') };
    const key = (fields: IdentityFields) => identityKeys(fields).find((k) => k.kind === 'name-birth-ward')?.value;
    expect(key(typed)).toBe(key(adult));
    expect(key(decomposed)).toBe(key(adult));
  });

  it('reads both forms of a BHYT card as the same number, and nothing else as one', () => {
    expect(bhytNumber('DN4010123456789')).toBe('0123456789');
    expect(bhytNumber('dn4-01-0123456789')).toBe('0123456789');
    expect(bhytNumber('0123456789')).toBe('0123456789');
    expect(bhytNumber('012345678')).toBeNull();
    expect(bhytNumber('')).toBeNull();
  });

  it('needs a ward for the name rule: a name and birth date alone join namesakes of the province', () => {
    const noWard = { ...adult, address: { ...adult.address, wardCode: '' } };
    expect(identityKeys(noWard).map((key) => key.kind)).toEqual(['cccd', 'bhyt']);
  });

  it('a different ward or birth date gives a different key', () => {
    const value = (fields: IdentityFields) => identityKeys(fields).find((k) => k.kind === 'name-birth-ward')?.value;
    expect(value({ ...adult, address: { ...adult.address, wardCode: '00007' } })).not.toBe(value(adult));
    expect(value({ ...adult, dateOfBirth: '1990-03-06' })).not.toBe(value(adult));
  });

  it('ignores a CCCD that is not 12 digits (an old 9-digit ID number is no CCCD)', () => {
    expect(identityKeys({ ...adult, cccd: '012345678' }).map((key) => key.kind)).not.toContain('cccd');
  });

  it('indexes a newborn without a CCCD by birth day, ward and sex, to meet the child later holding one', () => {
    const keys = identityKeys(newborn);
    expect(keys).toContainEqual({ kind: 'newborn-temporary', value: '2026-11-28|00004|male' });
    const renamedWithCccd = {
      ...newborn,
      familyName: 'Trần',
      middleName: 'Văn',
      givenName: 'Bình',
      cccd: '001226012345',
    };
    expect(identityKeys(renamedWithCccd)).toContainEqual({ kind: 'newborn-cccd', value: '2026-11-28|00004|male' });
  });
});

/** The rules under which the province would pair two records (what identity-index.ts looks up). */
function rulesBetween(a: IdentityFields, b: IdentityFields): string[] {
  const bKeys = identityKeys(b);
  const rules = identityKeys(a)
    .filter((key) => bKeys.some((other) => other.kind === MATCHING_KIND[key.kind] && other.value === key.value))
    .map((key) => RULE_OF_KIND[key.kind]);
  return [...new Set(rules)].sort();
}

describe("the newborn rule by the mother's (or guardian's) CCCD", () => {
  const mother = { name: 'Trần Thị Mai', relation: 'mother' as const, cccd: '001190012345', phone: '' };
  // The same baby, registered at another facility under another name and ward, still without a CCCD.
  const atProvince: IdentityFields = {
    ...newborn,
    familyName: 'Lê',
    middleName: 'Văn',
    givenName: 'An',
    address: { provinceCode: '01', wardCode: '00007', street: '' },
    patientCode: '01002-NEWB0RN2',
    guardian: mother,
  };
  const atDistrict: IdentityFields = { ...newborn, guardian: mother };

  it('pairs a temporary-code record with another child record of the same guardian CCCD and birth date', () => {
    expect(rulesBetween(atDistrict, atProvince)).toEqual(['newborn-same-guardian']);
    expect(rulesBetween(atProvince, atDistrict)).toEqual(['newborn-same-guardian']);
    // The other record may already have the child's own CCCD: still the same mother and birth day.
    const withOwnCccd = { ...atProvince, cccd: '001226012345' };
    expect(rulesBetween(atDistrict, withOwnCccd)).toEqual(['newborn-same-guardian']);
  });

  it('does not pair another birth date, another guardian, or two records that are no longer newborns', () => {
    expect(rulesBetween(atDistrict, { ...atProvince, dateOfBirth: '2026-11-29' })).toEqual([]);
    expect(rulesBetween(atDistrict, { ...atProvince, guardian: { ...mother, cccd: '001190054321' } })).toEqual([]);
    const grown = { ...atDistrict, cccd: '001226012345' };
    expect(rulesBetween(grown, { ...atProvince, cccd: '001226099999' })).toEqual([]);
  });

  it('ignores a guardian CCCD that is not 12 digits, and keeps the birth-day-and-ward rule', () => {
    const noCccd = { ...atDistrict, guardian: { ...mother, cccd: '' } };
    expect(identityKeys(noCccd).map((key) => key.kind)).not.toContain('guardian-temporary');
    expect(identityKeys(atDistrict)).toContainEqual({ kind: 'newborn-temporary', value: '2026-11-28|00004|male' });
  });
});

describe("a newborn's temporary code", () => {
  it('is SS- and the patient code for a child registered before their first birthday without a CCCD', () => {
    expect(temporaryCode(newborn)).toBe('SS-01001-NEWB0RN1');
    expect(temporaryCode({ ...newborn, createdAt: '2027-11-27T10:00:00Z' })).toBe('SS-01001-NEWB0RN1');
  });

  it('cannot be mistaken for a CCCD', () => {
    expect(temporaryCode(newborn)).not.toMatch(/^\d{12}$/);
  });

  it('does not apply once the child has a CCCD, nor to anyone registered after their first birthday', () => {
    expect(temporaryCode({ ...newborn, cccd: '001226012345' })).toBeNull();
    expect(temporaryCode({ ...newborn, createdAt: '2027-11-28T10:00:00Z' })).toBeNull();
    expect(temporaryCode({ ...adult, cccd: '' })).toBeNull();
  });

  it('does not apply to a birth date after the registration (a typing mistake, not a newborn)', () => {
    expect(temporaryCode({ ...newborn, createdAt: '2026-11-01T00:00:00Z' })).toBeNull();
  });
});
