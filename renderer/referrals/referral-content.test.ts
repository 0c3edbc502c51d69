import { describe, expect, it } from 'vitest';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import { patientProblems } from '../../shared/patient/patient-problems';
import { patientDocument } from '../../test/helpers/patient-documents';
import { referralDocument } from '../../test/helpers/referral-documents';
import {
  addressLine,
  carriableResults,
  carriedEarlierResults,
  findingsText,
  incomingOrder,
  mayAnswer,
  mayReportOutcome,
  mayWithdraw,
  patientFromReferral,
  referralFormProblems,
  referralPatientOf,
  referralStep,
  samePersonAmong,
} from './referral-content';

const receiving = {
  id: '0199d000-0000-7000-8000-00000000abcd',
  patientCode: '15001-ABCDEFGH',
  facilityCode: '15001',
  deviceId: 'province-pc',
  userId: 'province-doctor',
  now: '2026-12-03T08:00:00.000Z',
};

/** A lab result of the patient at `facilityCode`, in visit `encounterId`. */
function labResult(
  id: string,
  facilityCode: string,
  encounterId: string,
  recordedAt: string,
  testCode = 'SEN-XN-024',
): ObservationDocument {
  return {
    id,
    facilityCode,
    encounterId,
    kind: 'lab-result',
    recordedAt,
    lab: {
      testCode,
      testName: 'Glucose máu',
      value: '9.1',
      numericValue: 9.1,
      unit: 'mmol/L',
      referenceLow: 3.9,
      referenceHigh: 6.4,
      referenceText: '',
      flag: 'high',
    },
  } as ObservationDocument;
}

describe('the patient carried by a referral', () => {
  it('registers at the receiving facility as the sender registered them, with no field retyped', () => {
    const sender = patientDocument('10010', { middleName: 'Thị', cccd: '', phone: '0912345678' });
    const referral = referralDocument(sender, '15001', 'doctor', { patient: referralPatientOf(sender) });

    const received = patientFromReferral(referral, receiving);

    expect(received).toMatchObject({
      id: receiving.id,
      facilityCode: '15001',
      familyName: sender.familyName,
      middleName: 'Thị',
      givenName: sender.givenName,
      dateOfBirth: sender.dateOfBirth,
      sex: sender.sex,
      phone: '0912345678',
      bhyt: sender.bhyt,
      address: sender.address,
      ethnicityCode: sender.ethnicityCode,
      nameKey: sender.nameKey,
      createdBy: 'province-doctor',
    });
    expect(patientProblems(received ?? sender).filter((p) => p.field !== 'patientCode')).toEqual([]);
  });

  it('prints the address as street, ward and province', () => {
    const sender = patientDocument('10010');
    const line = addressLine(sender.address);
    expect(line.startsWith(`${sender.address.street}, `)).toBe(true);
    const administrative = addressLine({ ...sender.address, street: '' });
    expect(administrative.split(', ')).toHaveLength(2);
    expect(line).toBe(`${sender.address.street}, ${administrative}`);
    expect(referralPatientOf(sender).address).toBe(line);
  });

  it('cannot register from an older referral that lacks the name parts and address codes', () => {
    const referral = referralDocument(patientDocument('10010'), '15001', 'doctor');
    expect(patientFromReferral(referral, receiving)).toBeNull();
  });

  it('is the registered patient with the same CCCD, else the same BHYT card, never a namesake', () => {
    const byCccd = patientDocument('15001', { cccd: '001099012345', bhyt: '' });
    const byBhyt = patientDocument('15001', { cccd: '', bhyt: 'DN4010123456789' });
    const namesake = patientDocument('15001', { cccd: '', bhyt: '' });
    const candidates = [namesake, byBhyt, byCccd];
    expect(samePersonAmong({ cccd: '001099012345', bhyt: 'DN4010123456789' }, candidates)).toBe(byCccd);
    expect(samePersonAmong({ cccd: '', bhyt: 'DN4010123456789' }, candidates)).toBe(byBhyt);
    expect(samePersonAmong({ cccd: '', bhyt: '' }, candidates)).toBeUndefined();
  });
});

describe('the clinical summary prefilled from the visit', () => {
  it('offers the patient’s lab results at this facility newest first, those of the visit picked', () => {
    const observations = [
      labResult('old', '10010', 'visit-0', '2026-11-20T08:00:00Z'),
      labResult('today', '10010', 'visit-1', '2026-12-03T08:00:00Z'),
      labResult('fetched', '10020', 'visit-9', '2026-12-01T08:00:00Z'),
      { ...labResult('vitals', '10010', 'visit-1', '2026-12-03T07:00:00Z'), kind: 'vital-signs', lab: null },
    ] as ObservationDocument[];
    const { available, picked } = carriableResults(
      observations,
      '10010',
      (observation) => observation.encounterId === 'visit-1',
      10,
    );
    expect(available.map((result) => result.observationId)).toEqual(['today', 'old']);
    expect(available[0]).toMatchObject({ testCode: 'SEN-XN-024', value: '9.1', flag: 'high', facilityCode: '10010' });
    expect(picked).toEqual(['today']);
    expect(carriableResults(observations, '10010', () => true, 1).available).toHaveLength(1);
  });

  it('writes the findings from what the doctor wrote, leaving out empty parts', () => {
    expect(findingsText({ reason: 'Đau bụng', history: '', examination: 'Phản ứng thành bụng' })).toBe(
      'Lý do khám: Đau bụng\nKhám: Phản ứng thành bụng',
    );
  });
});

describe('the steps of a referral', () => {
  const at = (
    senderStatus: 'sent' | 'cancelled',
    receiverStatus: 'pending' | 'accepted' | 'declined' | 'completed',
  ) => ({
    senderStatus,
    receiverStatus,
  });

  it('reads one step from both sides, the receiver’s act standing over a late withdrawal', () => {
    expect(referralStep(at('sent', 'pending'))).toBe('pending');
    expect(referralStep(at('cancelled', 'pending'))).toBe('withdrawn');
    expect(referralStep(at('cancelled', 'accepted'))).toBe('accepted');
    expect(referralStep(at('sent', 'completed'))).toBe('completed');
  });

  it('lets the sender withdraw and the receiver answer only while pending, and report only once accepted', () => {
    expect([mayWithdraw(at('sent', 'pending')), mayWithdraw(at('sent', 'accepted'))]).toEqual([true, false]);
    expect([mayAnswer(at('sent', 'pending')), mayAnswer(at('cancelled', 'pending'))]).toEqual([true, false]);
    expect([mayReportOutcome(at('sent', 'accepted')), mayReportOutcome(at('sent', 'pending'))]).toEqual([true, false]);
  });

  it('lists incoming referrals waiting for an answer first, then the newest', () => {
    const list = incomingOrder([
      { id: 'old-accepted', ...at('sent', 'accepted'), createdAt: '2026-12-01' },
      { id: 'old-pending', ...at('sent', 'pending'), createdAt: '2026-12-01' },
      { id: 'new-declined', ...at('sent', 'declined'), createdAt: '2026-12-03' },
      { id: 'new-pending', ...at('sent', 'pending'), createdAt: '2026-12-02' },
    ]);
    expect(list.map((referral) => referral.id)).toEqual(['new-pending', 'old-pending', 'new-declined', 'old-accepted']);
  });

  it('asks for a receiving facility other than this one, and a reason', () => {
    expect(referralFormProblems({ toFacilityCode: '', reason: ' ' }, '10010')).toEqual([
      { field: 'toFacilityCode', code: 'required' },
      { field: 'reason', code: 'required' },
    ]);
    expect(referralFormProblems({ toFacilityCode: '10010', reason: 'x' }, '10010')).toEqual([
      { field: 'toFacilityCode', code: 'referral-to-same-facility' },
    ]);
    expect(referralFormProblems({ toFacilityCode: '10001', reason: 'x' }, '10010')).toEqual([]);
  });
});

describe('results a referral carried, at the receiving facility', () => {
  const sender = patientDocument('10010');
  const carried = carriableResults(
    [labResult('o1', '10010', 'v1', '2026-12-02T08:00:00Z')],
    '10010',
    () => true,
    10,
  ).available;
  const accepted = referralDocument(sender, '15001', 'doctor', {
    results: carried,
    receiverStatus: 'accepted',
    receiverPatientId: 'here-1',
  });
  const name = (code: string): string => (code === '10010' ? 'TTYT Bát Xát' : code);

  it('reads them for the patient it was linked to, marked with the facility that did them, each once', () => {
    const twice = { ...accepted, id: 'second' };
    expect(carriedEarlierResults([accepted, twice], '15001', 'here-1', name)).toEqual([
      {
        observationId: 'o1',
        code: 'SEN-XN-024',
        value: '9.1',
        unit: 'mmol/L',
        flag: 'high',
        recordedAt: '2026-12-02T08:00:00Z',
        facility: { code: '10010', name: 'TTYT Bát Xát' },
      },
    ]);
  });

  it('ignores referrals to other facilities, of other patients, and those written before results travelled', () => {
    expect(carriedEarlierResults([accepted], '10020', 'here-1', name)).toEqual([]);
    expect(carriedEarlierResults([accepted], '15001', 'here-2', name)).toEqual([]);
    const { results: _none, ...old } = accepted;
    expect(carriedEarlierResults([old], '15001', 'here-1', name)).toEqual([]);
  });
});
