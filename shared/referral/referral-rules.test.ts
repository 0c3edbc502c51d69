import { describe, expect, it } from 'vitest';
import type { StaffDocument } from '../staff/staff-document';
import type { ReferralDocument } from './referral-document';
import { authorizeReferralWrite, referralOwnedFields, referralProblems } from './referral-rules';
import { changesSignedContent, openFieldsOf } from '../clinical/signed-document';
import { signingProblem } from '../clinical/signing-problem';
import { SYNCED_COLLECTIONS } from '../sync/collections';
import { carriedResultLine, testsDoneText } from './carried-results';
import type { CarriedResult } from './referral-document';

const referral: ReferralDocument = {
  id: 'r1',
  fromFacilityCode: '10010',
  toFacilityCode: '15001',
  patientId: 'p1',
  patient: {
    fullName: 'Lò Văn Páo',
    dateOfBirth: '1980-04-02',
    sex: 'male',
    cccd: '',
    bhyt: '',
    phone: '',
    address: '',
  },
  reason: 'Vượt quá khả năng chuyên môn',
  findings: '',
  diagnoses: [{ code: 'K35.8', name: 'Viêm ruột thừa cấp', primary: true }],
  testsDone: '',
  treatmentGiven: '',
  conditionAtTransfer: '',
  transport: '',
  accompanyingStaff: '',
  senderStatus: 'sent',
  receiverStatus: 'pending',
  receiverPatientId: '',
  receiverNote: '',
  outcome: '',
  outcomeSummary: '',
  createdAt: '2026-12-02T08:00:00.000Z',
  updatedAt: '2026-12-02T08:00:00.000Z',
  createdBy: 'doctor-a',
  updatedBy: 'doctor-a',
};

const account = (id: string, roles: StaffDocument['roles']) => ({ id, roles, active: true }) as StaffDocument;
const staff = new Map([
  ['doctor-a', account('doctor-a', ['doctor'])],
  ['nurse-a', account('nurse-a', ['nurse'])],
  ['clerk-b', account('clerk-b', ['registrar'])],
]);
const attempt = (pushed: ReferralDocument, writerFacility: string, master?: ReferralDocument) => ({
  master: master && { ...master, _deleted: false },
  assumed: master && { ...master, _deleted: false },
  pushed: { ...pushed, _deleted: false },
  staff: (id: string) => staff.get(id),
  writerFacility,
});

describe('referral rules', () => {
  it('splits the fields: the sender owns the summary, the receiver its side of the loop', () => {
    const sender = referralOwnedFields(referral, '10010');
    const receiver = referralOwnedFields(referral, '15001');
    expect(sender).toContain('findings');
    expect(sender).not.toContain('receiverStatus');
    expect(receiver).toEqual([
      'receiverStatus',
      'receiverPatientId',
      'receiverNote',
      'outcome',
      'outcomeSummary',
      'updatedAt',
      'updatedBy',
    ]);
    expect(referralOwnedFields(referral, '10020')).toEqual([]);
  });

  it('refuses a referral to the same facility, two primary diagnoses and acceptance without a patient', () => {
    expect(referralProblems(referral)).toEqual([]);
    expect(
      referralProblems({
        ...referral,
        toFacilityCode: '10010',
        diagnoses: [
          { code: 'K35.8', name: 'a', primary: true },
          { code: 'R10.3', name: 'b', primary: true },
        ],
        receiverStatus: 'accepted',
        outcome: 'admitted',
      }).map((problem) => problem.code),
    ).toEqual([
      'referral-to-same-facility',
      'more-than-one-primary',
      'accepted-without-patient',
      'outcome-before-completion',
    ]);
  });

  it('needs referral.write to send and referral.receive to answer, and keeps the creator', () => {
    expect(authorizeReferralWrite(attempt(referral, '10010'))).toBeNull();
    expect(authorizeReferralWrite(attempt({ ...referral, createdBy: 'nurse-a', updatedBy: 'nurse-a' }, '10010'))).toBe(
      'not-permitted',
    );
    const accepted = {
      ...referral,
      receiverStatus: 'accepted' as const,
      receiverPatientId: 'p9',
      updatedBy: 'clerk-b',
    };
    expect(authorizeReferralWrite(attempt(accepted, '15001', referral))).toBeNull();
    expect(authorizeReferralWrite(attempt({ ...accepted, createdBy: 'clerk-b' }, '15001', referral))).toBe(
      'author-mismatch',
    );
  });

  it('starts the receiver side blank and never deletes a referral', () => {
    expect(authorizeReferralWrite(attempt({ ...referral, receiverStatus: 'accepted' }, '10010'))).toBe('not-permitted');
    expect(
      authorizeReferralWrite({ ...attempt(referral, '10010', referral), pushed: { ...referral, _deleted: true } }),
    ).toBe('not-permitted');
  });

  it('lets the sender add results and a signature to a referral written before they existed, never the receiver', () => {
    // `referral` has neither `results` nor a signature: the sender still owns both.
    expect(referralOwnedFields(referral, '10010')).toEqual(
      expect.arrayContaining(['results', 'signedBy', 'signedAt', 'clinicalSignature']),
    );
    expect(referralOwnedFields(referral, '15001')).not.toContain('results');
    expect(referralOwnedFields(referral, '15001')).not.toContain('signedBy');
  });

  it('carries only the sending facility’s results, each once', () => {
    const glucose: CarriedResult = {
      testCode: 'SEN-XN-024',
      testName: 'Glucose máu',
      value: '9.1',
      numericValue: 9.1,
      unit: 'mmol/L',
      referenceLow: 3.9,
      referenceHigh: 6.4,
      referenceText: '',
      flag: 'high',
      observationId: 'o1',
      recordedAt: '2026-12-02T07:00:00.000Z',
      facilityCode: '10010',
    };
    expect(referralProblems({ ...referral, results: [glucose] })).toEqual([]);
    expect(referralProblems({ ...referral, results: [glucose, glucose] })).toEqual([
      { field: 'results', code: 'result-carried-twice' },
    ]);
    expect(referralProblems({ ...referral, results: [{ ...glucose, facilityCode: '10020' }] })).toEqual([
      { field: 'results', code: 'result-of-other-facility' },
    ]);
    expect(carriedResultLine(glucose)).toBe('Glucose máu: 9.1 mmol/L (cao; tham chiếu 3.9–6.4)');
    expect(carriedResultLine({ ...glucose, flag: 'normal', referenceLow: null, referenceHigh: null })).toBe(
      'Glucose máu: 9.1 mmol/L',
    );
    // For documents with one text field (the claim's XML13, HoSoBenhAn): the results, then the typed text.
    expect(testsDoneText({ results: [glucose], testsDone: 'Siêu âm: bình thường' })).toBe(
      'Glucose máu: 9.1 mmol/L (cao; tham chiếu 3.9–6.4) (2026-12-02)\nSiêu âm: bình thường',
    );
    expect(testsDoneText({ testsDone: 'Siêu âm: bình thường' })).toBe('Siêu âm: bình thường');
  });
});

describe('a signed referral', () => {
  const open = openFieldsOf(SYNCED_COLLECTIONS.referrals.mergePolicy);
  const signed = { ...referral, signedBy: 'doctor-a', signedAt: '2026-12-02T08:05:00.000Z' };

  it('leaves the receiver’s side and the withdrawal open, and freezes the sender’s content and results', () => {
    const answered = {
      ...signed,
      receiverStatus: 'completed' as const,
      receiverPatientId: 'p9',
      outcome: 'admitted' as const,
      outcomeSummary: 'Mổ',
      updatedBy: 'clerk-b',
    };
    expect(changesSignedContent(signed, answered, open)).toBe(false);
    expect(changesSignedContent(signed, { ...signed, senderStatus: 'cancelled' }, open)).toBe(false);
    expect(changesSignedContent(signed, { ...signed, findings: 'sửa sau khi ký' }, open)).toBe(true);
    expect(changesSignedContent(signed, { ...signed, results: [] }, open)).toBe(true);
  });

  it('is signed once, and never once withdrawn', () => {
    expect(signingProblem('referrals', referral)).toBeNull();
    expect(signingProblem('referrals', signed)).toBe('already-signed');
    expect(signingProblem('referrals', { ...referral, senderStatus: 'cancelled' })).toBe('referral-withdrawn');
  });
});
