import { describe, expect, it } from 'vitest';
import type { DrugDetails } from '../../shared/catalog/catalog-details';
import { PRESCRIPTION_CODE_PATTERN } from '../../shared/clinical/clinical-problems';
import { catalogEntryFixture } from '../../test/helpers/catalog-fixtures';
import { doseUnitOf, lineQuantity, prescribedDrugOf, type PrescriptionLineInput } from './prescription-lines';
import { newPrescriptionCode } from './prescriptions-repository';

const tabletDetails: DrugDetails = {
  ingredient: 'Paracetamol',
  strength: '500mg',
  form: 'Viên nén',
  route: 'Uống',
  unit: 'Viên',
  unitContent: null,
};
const tablet = catalogEntryFixture('drug', 'SEN-T-0001', 'Paracetamol 500mg', tabletDetails);
const syrup = catalogEntryFixture('drug', 'SEN-T-0009', 'Ibuprofen 100mg/5ml', {
  ...tabletDetails,
  ingredient: 'Ibuprofen',
  form: 'Hỗn dịch uống',
  unit: 'Chai',
  unitContent: { amount: 60, unit: 'ml' },
});

const line = (overrides: Partial<PrescriptionLineInput> = {}): PrescriptionLineInput => ({
  drug: tablet,
  dosePerTime: 1,
  timesPerDay: 3,
  days: 5,
  route: '',
  instructions: 'Uống sau ăn',
  ...overrides,
});

describe('a prescription line', () => {
  it('doses tablets in tablets and liquids in what the bottle holds', () => {
    expect(doseUnitOf(tablet)).toBe('Viên');
    expect(doseUnitOf(syrup)).toBe('ml');
  });

  it('computes the quantity to dispense in whole dispensing units', () => {
    expect(lineQuantity(line())).toEqual({ ok: true, quantity: 15, unit: 'Viên' });
    expect(lineQuantity(line({ dosePerTime: 0.5, timesPerDay: 3 }))).toMatchObject({ quantity: 8 });
    // 5 ml × 3 × 5 days = 75 ml from 60 ml bottles: two bottles.
    expect(lineQuantity(line({ drug: syrup, dosePerTime: 5 }))).toEqual({ ok: true, quantity: 2, unit: 'Chai' });
    expect(lineQuantity(line({ days: 0 }))).toEqual({ ok: false, code: 'invalid-dose' });
    expect(lineQuantity(line({ dosePerTime: Number.NaN }))).toEqual({ ok: false, code: 'invalid-dose' });
  });

  it('keeps what the catalog says of the drug, the catalog route unless changed, and the quantity', () => {
    const built = prescribedDrugOf(line());
    expect(built).toEqual({
      ok: true,
      drug: {
        code: 'SEN-T-0001',
        name: 'Paracetamol 500mg',
        activeIngredient: 'Paracetamol',
        strength: '500mg',
        form: 'Viên nén',
        route: 'Uống',
        unit: 'Viên',
        dosePerTime: 1,
        doseUnit: 'Viên',
        timesPerDay: 3,
        days: 5,
        quantity: 15,
        instructions: 'Uống sau ăn',
      },
    });
    // A syrup's dose is kept in ml, its quantity in bottles: the printout says "5 ml", not "5".
    expect(prescribedDrugOf(line({ drug: syrup, dosePerTime: 5 }))).toMatchObject({
      drug: { dosePerTime: 5, doseUnit: 'ml', quantity: 2, unit: 'Chai' },
    });
    expect(prescribedDrugOf(line({ route: '  Ngậm  dưới lưỡi ' }))).toMatchObject({
      drug: { route: 'Ngậm dưới lưỡi' },
    });
    expect(prescribedDrugOf(line({ timesPerDay: 1.5 }))).toEqual({ ok: false, code: 'invalid-dose' });
  });
});

describe('a prescription code', () => {
  it('is the facility, the PC tag, the serial and the type, as the server checks it', () => {
    const device = { deviceId: 'd', facilityCode: '10010', deviceTag: '0A' };
    expect(newPrescriptionCode(device, 0)).toBe('100100A00000C');
    expect(newPrescriptionCode(device, 33)).toBe('100100A00011C');
    expect(PRESCRIPTION_CODE_PATTERN.test(newPrescriptionCode(device, 32 ** 5 - 1))).toBe(true);
    expect(newPrescriptionCode({ ...device, deviceTag: '0B' }, 0)).not.toBe(newPrescriptionCode(device, 0));
  });
});
