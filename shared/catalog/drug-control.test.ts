import { describe, expect, it } from 'vitest';
import { prescriptionKindOf } from './drug-control';

describe('the kind of a prescription', () => {
  it('follows its drugs: N with a narcotic, H with a psychotropic or precursor, C otherwise', () => {
    expect(prescriptionKindOf([{}, { control: undefined }])).toBe('C');
    expect(prescriptionKindOf([{ control: 'narcotic' }])).toBe('N');
    expect(prescriptionKindOf([{ control: 'psychotropic' }, { control: 'precursor' }])).toBe('H');
  });

  it('refuses mixing a narcotic or a psychotropic with drugs of another kind on one prescription', () => {
    expect(prescriptionKindOf([{ control: 'narcotic' }, {}])).toBeNull();
    expect(prescriptionKindOf([{ control: 'psychotropic' }, {}])).toBeNull();
    expect(prescriptionKindOf([{ control: 'narcotic' }, { control: 'psychotropic' }])).toBeNull();
  });
});
