import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ageText } from '../../renderer/visits/visit-format';
import { EMPTY_VITALS_FORM, parseVitalsForm } from '../../renderer/visits/vitals-form';
import type { CatalogDetails } from '../../shared/catalog/catalog-details';
import type { EncounterStatus } from '../../shared/clinical/encounter-document';
import {
  addDiagnosis,
  callDecision,
  conclusionProblems,
  makePrimaryDiagnosis,
  removeDiagnosis,
  diagnosesFromChoices,
  diagnosisListProblems,
  localIsoDate,
  nextQueueNumber,
  nextToCall,
  normalisedConclusion,
  sortQueue,
  type Icd10Entry,
} from '../../renderer/visits/visit-rules';
import { catalogEntryFixture, ICD_ANY } from '../helpers/catalog-fixtures';

const visit = (id: string, status: EncounterStatus, queueNumber: number, queuedAt: string) => ({
  id,
  status,
  queueNumber,
  queuedAt,
});

describe('a room queue', () => {
  it('lists waiting patients first, then the one being examined, then the finished, by number', () => {
    const queue = sortQueue([
      visit('a', 'finished', 1, '2026-03-02T01:00:00Z'),
      visit('b', 'waiting', 4, '2026-03-02T02:00:00Z'),
      visit('c', 'in-progress', 2, '2026-03-02T01:10:00Z'),
      visit('d', 'waiting', 3, '2026-03-02T01:50:00Z'),
      visit('e', 'cancelled', 5, '2026-03-02T02:10:00Z'),
    ]);
    expect(queue.map((entry) => entry.id)).toEqual(['d', 'b', 'c', 'a', 'e']);
  });

  it('keeps both patients two offline PCs gave the same number, the earlier queued first, the same on every PC', () => {
    const fromPc1 = visit('0199-pc1', 'waiting', 7, '2026-03-02T02:05:00Z');
    const fromPc2 = visit('0199-pc2', 'waiting', 7, '2026-03-02T02:03:00Z');
    const sameTime = visit('0199-pc3', 'waiting', 7, '2026-03-02T02:03:00Z');
    expect(sortQueue([fromPc1, fromPc2, sameTime]).map((entry) => entry.id)).toEqual([
      '0199-pc2',
      '0199-pc3',
      '0199-pc1',
    ]);
    expect(sortQueue([sameTime, fromPc1, fromPc2])).toEqual(sortQueue([fromPc1, fromPc2, sameTime]));
  });

  it('calls the first waiting patient next, and nobody when none waits', () => {
    const queue = [visit('x', 'in-progress', 1, ''), visit('y', 'waiting', 3, ''), visit('z', 'waiting', 2, '')];
    expect(nextToCall(queue)?.id).toBe('z');
    expect(nextToCall([visit('x', 'finished', 1, '')])).toBeNull();
  });

  it('issues the number after the highest seen in the room that day, cancelled ones included', () => {
    expect(nextQueueNumber([])).toBe(1);
    expect(nextQueueNumber([{ queueNumber: 3 }, { queueNumber: 9 }, { queueNumber: 4 }])).toBe(10);
    expect(nextQueueNumber([{ queueNumber: 9999 }])).toBe(9999);
  });

  it("dates the queue by the PC's local calendar, not UTC", () => {
    // 23:30 local time on 1 March is 2 March in no local calendar, whatever UTC says.
    expect(localIsoDate(new Date(2026, 2, 1, 23, 30))).toBe('2026-03-01');
    expect(localIsoDate(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });
});

describe('a conclusion', () => {
  const today = '2026-03-02';

  it('needs a disposition', () => {
    expect(conclusionProblems({ disposition: '', followUpDate: '', advice: '' }, today)).toEqual([
      { field: 'disposition', code: 'disposition-required' },
    ]);
    expect(conclusionProblems({ disposition: 'home', followUpDate: '', advice: 'Uống nhiều nước' }, today)).toEqual([]);
  });

  it('needs a follow-up date after today for a follow-up', () => {
    const followUp = (followUpDate: string) =>
      conclusionProblems({ disposition: 'follow-up', followUpDate, advice: '' }, today);
    expect(followUp('')).toEqual([{ field: 'followUpDate', code: 'follow-up-date-required' }]);
    expect(followUp(today)).toEqual([{ field: 'followUpDate', code: 'follow-up-not-after-today' }]);
    expect(followUp('2026-03-01')).toEqual([{ field: 'followUpDate', code: 'follow-up-not-after-today' }]);
    expect(followUp('02/04/2026')).toEqual([{ field: 'followUpDate', code: 'follow-up-date-invalid' }]);
    expect(followUp('2026-03-09')).toEqual([]);
  });

  it('drops a follow-up date from any other disposition and tidies the advice', () => {
    expect(
      normalisedConclusion({ disposition: 'refer', followUpDate: '2026-03-09', advice: '  Chuyển tuyến ' }),
    ).toEqual({ disposition: 'refer', followUpDate: '', advice: 'Chuyển tuyến' });
  });
});

describe('a list of diagnoses', () => {
  const details = (overrides: Partial<CatalogDetails['icd10']>): CatalogDetails['icd10'] => ({
    ...ICD_ANY,
    ...overrides,
  });
  const entries = new Map<string, Icd10Entry>(
    [
      catalogEntryFixture('icd10', 'J18.9', 'Viêm phổi, không đặc hiệu', details({})),
      catalogEntryFixture(
        'icd10',
        'I10',
        'Bệnh tăng huyết áp vô căn (nguyên phát)',
        details({ chapter: 'IX', block: 'I10-I15', category: 'I10' }),
      ),
      catalogEntryFixture(
        'icd10',
        'N40',
        'Tăng sản tuyến tiền liệt',
        details({ chapter: 'XIV', block: 'N40-N51', category: 'N40', sex: 'male' }),
      ),
      catalogEntryFixture(
        'icd10',
        'O80',
        'Đẻ thường một thai',
        details({ chapter: 'XV', block: 'O80-O84', category: 'O80', sex: 'female' }),
      ),
      catalogEntryFixture(
        'icd10',
        'B96.2',
        'Escherichia coli là tác nhân',
        details({ chapter: 'I', block: 'B95-B97', category: 'B96', notPrimary: true }),
      ),
    ].map((entry) => [entry.code, entry]),
  );

  it('accepts a primary and secondaries that fit the patient, primary first, names from the catalog', () => {
    const choices = [
      { code: 'I10', primary: false },
      { code: 'J18.9', primary: true },
      { code: 'B96.2', primary: false },
    ];
    expect(diagnosisListProblems(choices, entries, 'male')).toEqual([]);
    expect(diagnosesFromChoices(choices, entries)).toEqual([
      { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true },
      { code: 'I10', name: 'Bệnh tăng huyết áp vô căn (nguyên phát)', primary: false },
      { code: 'B96.2', name: 'Escherichia coli là tác nhân', primary: false },
    ]);
  });

  it('refuses a code of the other sex, primary or not', () => {
    expect(diagnosisListProblems([{ code: 'N40', primary: true }], entries, 'female')).toEqual([
      { field: 'N40', code: 'wrong-sex' },
    ]);
    expect(diagnosisListProblems([{ code: 'O80', primary: false }], entries, 'male')).toEqual([
      { field: 'O80', code: 'wrong-sex' },
    ]);
    expect(diagnosisListProblems([{ code: 'O80', primary: true }], entries, 'female')).toEqual([]);
  });

  it('refuses a code not allowed as primary in the primary place only', () => {
    expect(diagnosisListProblems([{ code: 'B96.2', primary: true }], entries, 'male')).toEqual([
      { field: 'B96.2', code: 'not-allowed-as-primary' },
    ]);
  });

  it('refuses two primaries, a code twice, and a code the catalog in force does not hold', () => {
    expect(
      diagnosisListProblems(
        [
          { code: 'J18.9', primary: true },
          { code: 'I10', primary: true },
          { code: 'I10', primary: false },
          { code: 'Z99.9', primary: false },
        ],
        entries,
        'female',
      ),
    ).toEqual([
      { field: 'I10', code: 'diagnosis-twice' },
      { field: 'Z99.9', code: 'unknown-code' },
      { field: 'diagnoses', code: 'more-than-one-primary' },
    ]);
  });
});

describe('the visit screen computations', () => {
  const t = ((key: string, options?: { count?: number }) => `${key}:${options?.count ?? ''}`) as unknown as TFunction;

  it('gives age in months under two years, in whole years after', () => {
    expect(ageText(t, '2025-06-15', '2026-06-14')).toBe('visits.ageMonths:11');
    expect(ageText(t, '2024-06-15', '2026-06-14')).toBe('visits.ageMonths:23');
    expect(ageText(t, '2024-06-15', '2026-06-15')).toBe('visits.ageYears:2');
    expect(ageText(t, '1990-03-12', '2026-03-11')).toBe('visits.ageYears:35');
  });

  it('reads typed vital signs as numbers, a decimal comma too, empty as not measured', () => {
    const { vitals, notNumbers } = parseVitalsForm({
      ...EMPTY_VITALS_FORM,
      temperature: '37,5',
      pulse: ' 88 ',
      weightKg: '5o',
    });
    expect(vitals).toMatchObject({ temperature: 37.5, pulse: 88, weightKg: null, heightCm: null });
    expect(notNumbers).toEqual(['weightKg']);
  });
});

describe('diagnosis edits', () => {
  it('apply to the list as stored: two quick picks in a row both stay, the first primary', () => {
    const afterFirst = addDiagnosis('J18.9')([]);
    const afterSecond = addDiagnosis('I10')(afterFirst);
    expect(afterSecond).toEqual([
      { code: 'J18.9', primary: true },
      { code: 'I10', primary: false },
    ]);
    expect(addDiagnosis('I10')(afterSecond)).toEqual(afterSecond);
    expect(makePrimaryDiagnosis('I10')(afterSecond)).toEqual([
      { code: 'J18.9', primary: false },
      { code: 'I10', primary: true },
    ]);
    expect(removeDiagnosis('J18.9')(afterSecond)).toEqual([{ code: 'I10', primary: false }]);
  });
});

describe('calling a patient in', () => {
  const waiting = { status: 'waiting' as const, doctorId: '', calledAt: '' };
  it('calls a waiting visit, opens again one this doctor called, and tells who called it otherwise', () => {
    expect(callDecision(waiting, 'bs-an')).toEqual({ kind: 'call' });
    const called = { status: 'in-progress' as const, doctorId: 'bs-binh', calledAt: '2026-12-03T01:30:00.000Z' };
    expect(callDecision(called, 'bs-binh')).toEqual({ kind: 'mine' });
    expect(callDecision(called, 'bs-an')).toEqual({
      kind: 'called-by-other',
      doctorId: 'bs-binh',
      calledAt: '2026-12-03T01:30:00.000Z',
    });
    expect(callDecision({ ...called, status: 'finished' }, 'bs-an')).toEqual({ kind: 'closed' });
  });
});
