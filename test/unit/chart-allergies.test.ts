import { describe, expect, it } from 'vitest';
import { allergyIngredientKey, foldAllergies } from '../../renderer/chart/chart-allergies';
import type { Allergy, ObservationDocument } from '../../shared/clinical/observation-document';
import { finishedVisit, vitalsTaken } from '../helpers/clinical-history';

const doctor = { facilityCode: '10010', deviceId: 'pc-1', staffId: 'doctor' };

function allergy(
  id: string,
  details: Partial<Allergy>,
  changes: Partial<ObservationDocument> = {},
): ObservationDocument {
  const at = '2026-05-02T08:00:00.000Z';
  return {
    id,
    facilityCode: '10010',
    patientId: 'p1',
    encounterId: '',
    orderId: '',
    kind: 'allergy',
    code: 'allergy',
    recordedAt: at,
    vitals: null,
    lab: null,
    allergy: { substance: 'x', ingredientKey: '', reaction: '', severity: 'mild', active: true, ...details },
    note: '',
    createdAt: at,
    updatedAt: at,
    createdByDeviceId: 'pc-1',
    createdBy: 'doctor',
    updatedBy: 'doctor',
    ...changes,
  };
}

describe('allergies', () => {
  it('fold an ingredient to the key prescriptions are checked with', () => {
    expect(allergyIngredientKey('  Amoxicilin ')).toBe('amoxicilin');
    expect(allergyIngredientKey('Đậu phộng  rang')).toBe('dau phong rang');
    expect(allergyIngredientKey('')).toBe('');
  });

  it('show the active ones by severity, keep the inactive ones newest first, and ignore other observations', () => {
    const observations = [
      allergy('a1', { substance: 'Tôm', severity: 'mild' }),
      allergy('a2', { substance: 'Penicilin', severity: 'severe' }),
      allergy(
        'a3',
        { substance: 'Aspirin', severity: 'moderate', active: false },
        {
          note: 'Nhầm bệnh nhân',
          updatedAt: '2026-05-03T08:00:00.000Z',
          updatedBy: 'nurse',
        },
      ),
      allergy('a4', { substance: 'Cua', severity: 'mild', active: false }, { updatedAt: '2026-05-04T08:00:00.000Z' }),
      allergy('a5', { substance: 'Ốc', severity: 'mild' }),
      vitalsTaken(finishedVisit('p1', doctor, '2026-05-02'), doctor, { pulse: 80 }),
    ];
    const folded = foldAllergies(observations);
    expect(folded.active.map((entry) => entry.substance)).toEqual(['Penicilin', 'Ốc', 'Tôm']);
    expect(folded.inactive.map((entry) => entry.id)).toEqual(['a4', 'a3']);
    expect(folded.inactive[1]).toMatchObject({ note: 'Nhầm bệnh nhân', updatedBy: 'nurse', recordedBy: 'doctor' });
  });
});
