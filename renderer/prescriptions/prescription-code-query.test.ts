import { describe, expect, it } from 'vitest';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { matchingPrescriptions, normalizedCodeQuery } from './prescription-code-query';

const order = (prescriptionCode: string) => ({ id: prescriptionCode, prescriptionCode }) as OrderDocument;

describe('finding a prescription by its code', () => {
  it('ignores case, spaces, dots and dashes', () => {
    expect(normalizedCodeQuery(' 10010-0a 000 1c ')).toBe('100100A0001C');
  });

  it('finds codes containing what was typed, the exact code first, all when nothing is typed', () => {
    const orders = [order('100100A00011C'), order('100100A00001C'), order('100100B00001C')];
    expect(matchingPrescriptions(orders, '').map((o) => o.id)).toEqual(orders.map((o) => o.id));
    expect(matchingPrescriptions(orders, '1c').map((o) => o.id)).toEqual(orders.map((o) => o.id));
    expect(matchingPrescriptions(orders, '0001c').map((o) => o.id)).toEqual(['100100A00001C', '100100B00001C']);
    expect(matchingPrescriptions(orders, '100100a00001c').map((o) => o.id)).toEqual(['100100A00001C']);
    expect(matchingPrescriptions(orders, '0B').map((o) => o.id)).toEqual(['100100B00001C']);
    expect(matchingPrescriptions(orders, 'ZZZ')).toEqual([]);
  });
});
