import { describe, expect, it } from 'vitest';
import { catalogEntryFixture } from '../../test/helpers/catalog-fixtures';
import { newDraftLine, quantityText, typedNumber } from './prescription-draft';

const drug = catalogEntryFixture('drug', 'SEN-T-0001', 'Paracetamol 500mg', {
  ingredient: 'Paracetamol',
  strength: '500mg',
  form: 'Viên nén',
  route: 'Uống',
  unit: 'Viên',
  unitContent: null,
});

describe('a line as typed', () => {
  it('reads decimal commas and points, and nothing else, as numbers', () => {
    expect(typedNumber('0,5')).toBe(0.5);
    expect(typedNumber(' 1.5 ')).toBe(1.5);
    expect(typedNumber('3')).toBe(3);
    expect(typedNumber('')).toBeNaN();
    expect(typedNumber('1/2')).toBeNaN();
    expect(typedNumber('-1')).toBeNaN();
  });

  it('starts from the catalog route and shows the quantity once the dose is complete', () => {
    const line = newDraftLine(drug, 'a');
    expect(line.route).toBe('Uống');
    expect(quantityText(line)).toBeNull();
    expect(quantityText({ ...line, dosePerTime: '0,5', timesPerDay: '3', days: '5' })).toBe('8 Viên');
    expect(quantityText({ ...line, timesPerDay: '3', days: '0' })).toBeNull();
  });
});
