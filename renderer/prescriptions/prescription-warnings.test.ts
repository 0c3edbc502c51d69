import { describe, expect, it } from 'vitest';
import type { Allergy } from '../../shared/clinical/observation-document';
import { ingredientKeys, prescriptionWarnings, unconfirmedWarnings } from './prescription-warnings';

const drug = (name: string, activeIngredient: string) => ({ code: name, name, activeIngredient });
const allergy = (ingredientKey: string, active = true): Allergy => ({
  substance: ingredientKey,
  ingredientKey,
  reaction: '',
  severity: 'moderate',
  active,
});

describe('active ingredients of a drug', () => {
  it('are split on + or comma and folded without diacritics', () => {
    expect(ingredientKeys('Amoxicilin + Acid clavulanic')).toEqual(['amoxicilin', 'acid clavulanic']);
    expect(ingredientKeys('Paracetamol, Cafein')).toEqual(['paracetamol', 'cafein']);
    expect(ingredientKeys('Đồng sulfat')).toEqual(['dong sulfat']);
    expect(ingredientKeys(' Ibuprofen ')).toEqual(['ibuprofen']);
  });
});

describe('prescription warnings', () => {
  it('name a drug whose ingredient matches an active allergy, diacritics and case aside', () => {
    const warnings = prescriptionWarnings(
      [drug('Augmentin 625mg', 'Amoxicilin + Acid clavulanic'), drug('Paracetamol 500mg', 'Paracetamol')],
      [allergy('amoxicilin')],
    );
    expect(warnings).toEqual([
      { kind: 'allergy', drugName: 'Augmentin 625mg', ingredient: 'amoxicilin', substance: 'amoxicilin' },
    ]);
    expect(prescriptionWarnings([drug('Para', 'PARACETAMOL')], [allergy('parácetamol')])).toHaveLength(1);
  });

  it('ignore inactive allergies, non-drug allergies and partial words', () => {
    expect(prescriptionWarnings([drug('Para', 'Paracetamol')], [allergy('paracetamol', false)])).toEqual([]);
    expect(prescriptionWarnings([drug('Para', 'Paracetamol')], [allergy('')])).toEqual([]);
    expect(prescriptionWarnings([drug('Cefalexin', 'Cefalexin')], [allergy('cef')])).toEqual([]);
  });

  it('match a salt against its base, both ways, by whole words', () => {
    const codeine = drug('Efferalgan codein', 'Paracetamol + codein phosphat');
    expect(prescriptionWarnings([codeine], [allergy('codein')])).toMatchObject([{ ingredient: 'codein phosphat' }]);
    expect(prescriptionWarnings([drug('Diclofenac', 'Diclofenac')], [allergy('diclofenac natri')])).toHaveLength(1);
  });

  it('find an ingredient twice in one prescription, also inside a combination', () => {
    const warnings = prescriptionWarnings(
      [drug('Paracetamol 500mg', 'Paracetamol'), drug('Efferalgan codein', 'Paracetamol + Codein phosphat')],
      [],
    );
    expect(warnings).toEqual([
      {
        kind: 'duplicate-ingredient',
        ingredient: 'paracetamol',
        drugNames: ['Paracetamol 500mg', 'Efferalgan codein'],
      },
    ]);
  });

  it('find an ingredient already in another open prescription of the visit', () => {
    const open = [{ prescriptionCode: '1001000000AAC', drugs: [drug('Ibuprofen 400mg', 'Ibuprofen')] }];
    expect(prescriptionWarnings([drug('Ibuprofen siro', 'Ibuprofen')], [], open)).toEqual([
      {
        kind: 'duplicate-open',
        ingredient: 'ibuprofen',
        drugName: 'Ibuprofen siro',
        prescriptionCode: '1001000000AAC',
      },
    ]);
  });

  it('are none for a plain prescription', () => {
    expect(prescriptionWarnings([drug('A', 'Paracetamol'), drug('B', 'Ibuprofen')], [allergy('penicilin')])).toEqual(
      [],
    );
  });
});

describe('confirmed warnings', () => {
  it('count by what they say: two confirmed do not confirm two different ones after a line changed', () => {
    const allergies = [allergy('amoxicilin'), allergy('ibuprofen')];
    const before = prescriptionWarnings(
      [drug('Amoxicilin 500mg', 'Amoxicilin'), drug('Augmentin', 'Amoxicilin')],
      allergies,
    );
    expect(before).toHaveLength(3);
    const after = prescriptionWarnings([drug('Ibuprofen 400mg', 'Ibuprofen'), drug('Brufen', 'Ibuprofen')], allergies);
    expect(after).toHaveLength(3);
    expect(unconfirmedWarnings(after, before)).toEqual(after);
    expect(unconfirmedWarnings(before, before)).toEqual([]);
    // The same warning, however its object was made, stays confirmed.
    expect(unconfirmedWarnings(before, before.map((warning) => ({ ...warning })).reverse())).toEqual([]);
  });
});
