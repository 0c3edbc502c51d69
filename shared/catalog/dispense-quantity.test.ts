import { describe, expect, it } from 'vitest';
import { quantityToDispense } from './dispense-quantity';

const tablet = { unit: 'Viên', unitContent: null };
const syrup = { unit: 'Chai', unitContent: { amount: 60, unit: 'ml' } };
const insulin = { unit: 'Lọ', unitContent: { amount: 1000, unit: 'IU' } };

describe('the quantity to dispense', () => {
  it('multiplies dose, times a day and days', () => {
    expect(quantityToDispense(tablet, { dosePerTime: 1, doseUnit: 'viên', timesPerDay: 3, days: 5 })).toEqual({
      ok: true,
      quantity: 15,
      unit: 'Viên',
    });
  });

  it('rounds half tablets up to whole ones', () => {
    const twice = quantityToDispense(tablet, { dosePerTime: 0.5, doseUnit: 'Viên', timesPerDay: 2, days: 5 });
    expect(twice).toMatchObject({ quantity: 5 });
    const thrice = quantityToDispense(tablet, { dosePerTime: 0.5, doseUnit: 'Viên', timesPerDay: 3, days: 5 });
    expect(thrice).toMatchObject({ quantity: 8 });
    const tenth = quantityToDispense(tablet, { dosePerTime: 0.1, doseUnit: 'Viên', timesPerDay: 3, days: 10 });
    expect(tenth).toMatchObject({ quantity: 3 });
  });

  it('counts doses measured in what a unit holds as whole units', () => {
    const course = quantityToDispense(syrup, { dosePerTime: 5, doseUnit: 'ml', timesPerDay: 3, days: 5 });
    expect(course).toEqual({ ok: true, quantity: 2, unit: 'Chai' });
    const exact = quantityToDispense(syrup, { dosePerTime: 5, doseUnit: 'ml', timesPerDay: 3, days: 4 });
    expect(exact).toMatchObject({ quantity: 1 });
    const month = quantityToDispense(insulin, { dosePerTime: 12, doseUnit: 'IU', timesPerDay: 2, days: 30 });
    expect(month).toMatchObject({ quantity: 1, unit: 'Lọ' });
  });

  it('refuses a dose in a unit the drug is not counted in, and doses that cannot be', () => {
    expect(quantityToDispense(tablet, { dosePerTime: 5, doseUnit: 'ml', timesPerDay: 3, days: 5 })).toEqual({
      ok: false,
      code: 'unit-mismatch',
    });
    for (const order of [
      { dosePerTime: 0, doseUnit: 'Viên', timesPerDay: 3, days: 5 },
      { dosePerTime: 1, doseUnit: 'Viên', timesPerDay: 1.5, days: 5 },
      { dosePerTime: 1, doseUnit: 'Viên', timesPerDay: 3, days: 0 },
      { dosePerTime: Number.NaN, doseUnit: 'Viên', timesPerDay: 3, days: 5 },
    ]) {
      expect(quantityToDispense(tablet, order)).toEqual({ ok: false, code: 'invalid-dose' });
    }
  });
});
