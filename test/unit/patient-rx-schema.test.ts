import { describe, expect, it } from 'vitest';
import {
  PATIENT_ENCRYPTED_FIELDS,
  patientMigrationStrategies,
  patientRxSchema,
  withNameYearKey,
  type Stored,
} from '../../renderer/db/collections';
import { PATIENT_INDEXES, type PatientDocument } from '../../shared/patient/patient-document';

describe('the patients RxDB schema derived from the zod schema', () => {
  const properties = patientRxSchema.properties as Record<string, { type?: string; maxLength?: number }>;

  it('has the primary key and every search index', () => {
    expect(patientRxSchema.primaryKey).toBe('id');
    expect(patientRxSchema.indexes).toEqual([...PATIENT_INDEXES]);
  });

  it('makes every indexed field a required string with a maximum length (Dexie and RxDB need both)', () => {
    for (const field of ['id', ...PATIENT_INDEXES]) {
      expect(patientRxSchema.required).toContain(field);
      expect(properties[field]?.type).toBe('string');
      expect(properties[field]?.maxLength).toBeGreaterThan(0);
    }
  });

  it('keeps the nested address object and refuses unknown fields', () => {
    expect(properties.address?.type).toBe('object');
    expect((patientRxSchema as { additionalProperties?: boolean }).additionalProperties).toBe(false);
  });
});

describe('a patient without nameYearKey (stored or written by a PC before schema version 1)', () => {
  const patient = {
    familyName: 'Nguyễn',
    middleName: 'Thị',
    givenName: 'Đào',
    dateOfBirth: '1990-03-12',
  } as PatientDocument;

  it('gets it from its name and birth year; one that has it is left as it is', () => {
    expect(withNameYearKey(patient).nameYearKey).toBe('nguyen thi dao|1990');
    expect(patientMigrationStrategies[1]({ ...patient } as Stored<PatientDocument>).nameYearKey).toBe(
      'nguyen thi dao|1990',
    );
    const kept = { ...patient, nameYearKey: 'nguyen thi dao|1990' };
    expect(withNameYearKey(kept)).toBe(kept);
  });
});

describe('the patients schema at version 2 (guardian and the merge marks)', () => {
  it('seals the new fields, indexes none of them, and keeps a version-1 patient as it is', () => {
    expect(patientRxSchema.version).toBe(2);
    expect(PATIENT_ENCRYPTED_FIELDS).toEqual(expect.arrayContaining(['guardian', 'mergedInto', 'mergedAliases']));
    expect(patientRxSchema.required).not.toContain('mergedInto');
    expect(patientRxSchema.required).not.toContain('guardian');
    const stored = { id: 'p', nameYearKey: 'nguyen thi dao|1990' } as Stored<PatientDocument>;
    expect(patientMigrationStrategies[2](stored)).toEqual(stored);
  });
});
