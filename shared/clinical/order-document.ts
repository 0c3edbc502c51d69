import { z } from 'zod';
import {
  authorshipFields,
  deviceTimeField,
  documentIdField,
  facilityCodeField,
  freeText,
  optionalIdField,
  optionalStaffIdField,
} from './common-fields';
import { signedDocumentFields } from './signed-document';

export const ORDER_KINDS = ['lab', 'imaging', 'prescription'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/**
 * `ordered` → `in-progress` (the lab took the sample, the pharmacy is preparing) → `completed`
 * (every result entered, the drugs handed over), or `cancelled` by the doctor before that.
 */
export const ORDER_STATUSES = ['ordered', 'in-progress', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A lab test or imaging study ordered from the catalog. */
export const orderedTestSchema = z
  .object({
    /** Catalog code (lab test or service) and its Vietnamese name when ordered. */
    code: z.string().min(1).max(30),
    name: z.string().min(1).max(500),
    /**
     * Ordered although the patient had the same test within its validity window: the earlier
     * result shown to the doctor, and the reason the doctor gave. '' when no earlier result.
     */
    earlierResultId: optionalIdField,
    repeatReason: freeText(500),
  })
  .strict();
export type OrderedTest = z.infer<typeof orderedTestSchema>;

/** One line of a prescription. */
export const prescribedDrugSchema = z
  .object({
    /** Catalog code of the drug and what the catalog says of it when prescribed. */
    code: z.string().min(1).max(30),
    name: z.string().min(1).max(500),
    activeIngredient: z.string().min(1).max(300),
    strength: freeText(100),
    form: freeText(100),
    route: freeText(100),
    /** The dispensing unit (viên, ống, gói…) */
    unit: z.string().min(1).max(40),
    /** Units per dose, doses per day, days: the quantity follows from them. */
    dosePerTime: z.number().positive().max(1000),
    /** What one dose is counted in (viên, ml…): printed beside it, never left to be guessed. */
    doseUnit: z.string().min(1).max(40),
    timesPerDay: z.number().int().min(1).max(24),
    days: z.number().int().min(1).max(365),
    quantity: z.number().positive().max(100000),
    instructions: freeText(500),
  })
  .strict();
export type PrescribedDrug = z.infer<typeof prescribedDrugSchema>;

/**
 * An order a doctor makes during a visit: lab tests, imaging, or a prescription. The lab
 * technician's worklist and the pharmacist's are the open orders of their kind; results are
 * observations that name the order.
 */
export const orderDocumentSchema = z
  .object({
    id: documentIdField,
    facilityCode: facilityCodeField,
    patientId: documentIdField,
    encounterId: documentIdField,
    kind: z.enum(ORDER_KINDS).meta({ maxLength: 12 }),
    status: z.enum(ORDER_STATUSES).meta({ maxLength: 11 }),
    /** Lab and imaging orders: what was ordered ([] for a prescription). */
    tests: z.array(orderedTestSchema).max(60),
    /** Prescriptions: the drugs ([] for other orders). */
    drugs: z.array(prescribedDrugSchema).max(30),
    /** Prescriptions: the code printed on the paper (DOMAIN.md); '' for other orders. */
    prescriptionCode: z.string().max(14),
    /** Warnings the doctor saw and overrode when ordering (allergy, duplicate ingredient…). */
    overriddenWarnings: z.array(freeText(500)).max(20),
    note: freeText(2000),
    orderedAt: deviceTimeField,
    /** Who took it forward: the lab technician or pharmacist, and when. */
    handledBy: optionalStaffIdField,
    completedAt: deviceTimeField,
    ...authorshipFields,
    ...signedDocumentFields,
  })
  .strict();

export type OrderDocument = z.infer<typeof orderDocumentSchema>;

/** Indexed fields: a worklist (open orders of a kind), an encounter's and a patient's orders. */
export const ORDER_INDEXES = [
  ['kind', 'status', 'orderedAt'],
  ['encounterId', 'orderedAt'],
  ['patientId', 'orderedAt'],
] as const;
