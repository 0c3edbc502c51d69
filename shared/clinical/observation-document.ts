import { z } from 'zod';
import {
  authorshipFields,
  deviceTimeField,
  documentIdField,
  facilityCodeField,
  freeText,
  optionalIdField,
} from './common-fields';

export const OBSERVATION_KINDS = ['vital-signs', 'lab-result', 'allergy'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/** A measured value, or null when it was not taken. */
const measured = (max: number) => z.number().min(0).max(max).nullable();

/** One set of vital signs; BMI is computed from weight and height, never typed. */
export const vitalSignsSchema = z
  .object({
    pulse: measured(400),
    systolic: measured(400),
    diastolic: measured(300),
    temperature: measured(50),
    respiratoryRate: measured(200),
    spo2: measured(100),
    weightKg: measured(500),
    heightCm: measured(300),
  })
  .strict();
export type VitalSigns = z.infer<typeof vitalSignsSchema>;

export const RESULT_FLAGS = ['', 'normal', 'low', 'high', 'critical-low', 'critical-high', 'abnormal'] as const;
export type ResultFlag = (typeof RESULT_FLAGS)[number];

/** One lab test's result, with the reference range that applied to this patient when measured. */
export const labResultSchema = z
  .object({
    testCode: z.string().min(1).max(30),
    testName: z.string().min(1).max(500),
    /** As entered: a number (`5.6`) or text (`Âm tính`). */
    value: z.string().min(1).max(200),
    numericValue: z.number().nullable(),
    unit: freeText(40),
    referenceLow: z.number().nullable(),
    referenceHigh: z.number().nullable(),
    referenceText: freeText(200),
    flag: z.enum(RESULT_FLAGS),
  })
  .strict();
export type LabResult = z.infer<typeof labResultSchema>;

export const allergySchema = z
  .object({
    /** What the patient reacts to, as said (a drug, a food…) */
    substance: z.string().min(1).max(200),
    /** The folded active ingredient a prescription is checked against ('' if not a drug). */
    ingredientKey: freeText(200),
    reaction: freeText(500),
    severity: z.enum(['mild', 'moderate', 'severe']),
    /** An allergy found to be wrong is made inactive, never deleted: the record keeps it. */
    active: z.boolean(),
  })
  .strict();
export type Allergy = z.infer<typeof allergySchema>;

/**
 * Something observed about a patient: a set of vital signs, a lab result answering an order, or
 * an allergy. One collection for all three (the client's collection budget, ADR 0001); `kind`
 * says which of `vitals`, `lab`, `allergy` is filled, the others are null.
 */
export const observationDocumentSchema = z
  .object({
    id: documentIdField,
    facilityCode: facilityCodeField,
    patientId: documentIdField,
    /** The visit it was taken in ('' for an allergy recorded from the chart). */
    encounterId: optionalIdField,
    /** The order a lab result answers ('' for vital signs and allergies). */
    orderId: optionalIdField,
    kind: z.enum(OBSERVATION_KINDS).meta({ maxLength: 12 }),
    /** The lab test code for a result, the kind otherwise: what a trend chart groups by. */
    code: z.string().min(1).max(30),
    recordedAt: deviceTimeField,
    vitals: vitalSignsSchema.nullable(),
    lab: labResultSchema.nullable(),
    allergy: allergySchema.nullable(),
    note: freeText(2000),
    ...authorshipFields,
  })
  .strict();

export type ObservationDocument = z.infer<typeof observationDocumentSchema>;

/**
 * Indexed fields: a patient's observations over time, and an order's results. Not the code: an
 * index is stored in clear, and which tests a patient had (an HIV test…) is as private as the
 * results; a patient's few hundred observations are grouped by code after reading.
 */
export const OBSERVATION_INDEXES = [
  ['patientId', 'recordedAt'],
  ['orderId', 'recordedAt'],
] as const;
