import { describe, expect, it } from 'vitest';
import type { Permission } from '../../shared/staff/roles';
import { encounterRestore, lostDiagnosesText, mayRestoreEncounterValue } from './encounter-lost-values';

const DIAGNOSES = [
  { code: 'J06.9', name: 'Nhiễm trùng đường hô hấp trên cấp', primary: true },
  { code: 'R50.9', name: 'Sốt, không đặc hiệu', primary: false },
];
const doctor = (permission: Permission): boolean => ['encounter.write', 'diagnosis.write'].includes(permission);
const nurse = (permission: Permission): boolean => permission === 'encounter.write';

describe('a visit’s lost value put back', () => {
  it('is a notes edit for reason, history and examination, a whole list for diagnoses, nothing else', () => {
    expect(encounterRestore('examination', 'Họng đỏ')).toEqual({ kind: 'notes', notes: { examination: 'Họng đỏ' } });
    expect(encounterRestore('diagnoses', DIAGNOSES)).toEqual({
      kind: 'diagnoses',
      choices: [
        { code: 'J06.9', primary: true },
        { code: 'R50.9', primary: false },
      ],
    });
    expect(encounterRestore('status', 'finished')).toBeNull();
    expect(encounterRestore('disposition', 'home')).toBeNull();
    expect(encounterRestore('examination', 42)).toBeNull();
    expect(encounterRestore('diagnoses', [{ code: 'J06.9' }])).toBeNull();
  });

  it('is offered by the rules of the visit’s sections', () => {
    const open = { status: 'in-progress' as const };
    expect(mayRestoreEncounterValue(open, 'examination', 'Họng đỏ', nurse)).toBe(true);
    expect(mayRestoreEncounterValue(open, 'diagnoses', DIAGNOSES, nurse)).toBe(false);
    expect(mayRestoreEncounterValue(open, 'diagnoses', DIAGNOSES, doctor)).toBe(true);
    expect(mayRestoreEncounterValue({ status: 'waiting' }, 'reason', 'Sốt', nurse)).toBe(true);
    expect(mayRestoreEncounterValue({ status: 'waiting' }, 'diagnoses', DIAGNOSES, doctor)).toBe(false);
    expect(mayRestoreEncounterValue({ status: 'finished' }, 'examination', 'Họng đỏ', doctor)).toBe(false);
    expect(mayRestoreEncounterValue(open, 'examination', 'Họng đỏ', () => false)).toBe(false);
    expect(mayRestoreEncounterValue(open, 'status', 'finished', doctor)).toBe(false);
  });

  it('reads diagnoses as codes and names, the primary one marked', () => {
    expect(lostDiagnosesText('diagnoses', DIAGNOSES, 'Bệnh chính')).toBe(
      'J06.9 Nhiễm trùng đường hô hấp trên cấp (Bệnh chính); R50.9 Sốt, không đặc hiệu',
    );
    expect(lostDiagnosesText('diagnoses', [], 'Bệnh chính')).toBe('—');
    expect(lostDiagnosesText('examination', 'Họng đỏ', 'Bệnh chính')).toBeNull();
  });
});
