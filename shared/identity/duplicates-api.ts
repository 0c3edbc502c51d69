import { z } from 'zod';
import type { IdentityRule } from './identity-keys';

/** The province's duplicate-patient API (server/identity), as the console and the server see it. */
export const DUPLICATES_PATH = '/duplicates';

/** One patient record of a candidate pair, with the fields an admin compares. */
export interface DuplicateRecord {
  patientId: string;
  facilityCode: string;
  facilityName: string;
  patientCode: string;
  fullName: string;
  /** ISO yyyy-MM-dd */
  dateOfBirth: string;
  sex: 'male' | 'female';
  cccd: string;
  bhyt: string;
  wardCode: string;
  wardName: string;
  /** A newborn's temporary code (shared/identity/temporary-code.ts), or null. */
  temporaryCode: string | null;
  /** The person the record already belongs to, after an earlier merge; null before any. */
  personId: string | null;
}

export interface DuplicateCandidate {
  firstId: string;
  secondId: string;
  rules: IdentityRule[];
  foundAt: string;
  first: DuplicateRecord;
  second: DuplicateRecord;
}

export interface DuplicatePage {
  candidates: DuplicateCandidate[];
  /** Give it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

const patientId = z.string().min(1).max(40);

/** The pair as listed, in either order. */
export const duplicatePairSchema = z.object({ firstId: patientId, secondId: patientId });

export const mergeBodySchema = duplicatePairSchema
  .extend({
    /** Which record stays the primary one: the other becomes its alias. */
    primaryId: patientId,
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type MergeBody = z.input<typeof mergeBodySchema>;

export const dismissBodySchema = duplicatePairSchema.extend({ note: z.string().trim().max(1000).default('') }).strict();
export type DismissBody = z.input<typeof dismissBodySchema>;

export interface PersonMember {
  patientId: string;
  facilityCode: string;
}

/** What a merge made: the person, its primary record and every member record (the aliases too). */
export interface MergedPerson {
  personId: string;
  primaryId: string;
  members: PersonMember[];
  /** The records the merge marked (aliases and primary of the primary's facility), for its PCs. */
  markedIds: string[];
}
