import { describe, expect, it } from 'vitest';
import {
  BackupRefusedError,
  isRecoveryCodeShaped,
  newBackupKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  openBackup,
  readBackupHeader,
  sealBackup,
  type BackupContent,
} from './backup-file';

// Fewer rounds than the product's, to keep the suite fast: the format is the same.
const ITERATIONS = 100_000;

const content: BackupContent = {
  collections: {
    patients: [{ id: 'p1', fullName: 'Nguyễn Văn An', syncMeta: { lineage: [], signature: null } }],
    encounters: [],
  },
  local: [{ id: 'outbox/patients/p1', data: { state: 'x', base: null } }],
};

const header = {
  facility: { code: '79001', name: 'Trung tâm Y tế Huyện A' },
  device: { id: 'device-1', tag: 'A1' },
  createdAt: '2026-12-03T10:00:00.000Z',
  counts: { patients: 1, encounters: 0 },
  unsent: 1,
};

async function sealed(code: string): Promise<string> {
  return sealBackup(header, content, await newBackupKey(code, ITERATIONS));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupRefusedError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('facility backup file', () => {
  it('opens with its recovery code, typed loosely, and gives back what was sealed', async () => {
    const code = newRecoveryCode();
    const text = await sealed(code);
    const opened = await openBackup(text, ` ${code.toLowerCase().replace(/-/g, ' ')} `, '79001');
    expect(opened.content).toEqual(content);
    expect(opened.header).toMatchObject(header);
  });

  it('shows its header without the code, and never the content in clear', async () => {
    const text = await sealed(newRecoveryCode());
    expect((await readBackupHeader(text)).counts).toEqual({ patients: 1, encounters: 0 });
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('outbox/');
  });

  it('refuses a truncated file as damaged', async () => {
    const code = newRecoveryCode();
    const text = await sealed(code);
    for (const length of [10, Math.floor(text.length / 2), text.length - 40])
      expect(await refusal(openBackup(text.slice(0, length), code))).toBe('damaged');
  });

  it('refuses a file with any one byte changed as damaged', async () => {
    const code = newRecoveryCode();
    const text = await sealed(code);
    const positions = [text.indexOf('79001') + 1, text.indexOf('"checksum"') + 13, text.length - 20];
    for (const position of positions) {
      const original = text.charAt(position);
      const changed = original === 'A' ? 'B' : 'A';
      const tampered = text.slice(0, position) + changed + text.slice(position + 1);
      expect(await refusal(openBackup(tampered, code))).toBe('damaged');
    }
  });

  it('refuses a wrong recovery code, and another facility’s file', async () => {
    const text = await sealed(newRecoveryCode());
    expect(await refusal(openBackup(text, newRecoveryCode()))).toBe('wrong-code');
    expect(await refusal(openBackup(text, newRecoveryCode(), '79002'))).toBe('other-facility');
  });

  it('refuses what is not a backup at all', async () => {
    expect(await refusal(readBackupHeader('{"hello":1}'))).toBe('damaged');
    expect(await refusal(readBackupHeader(''))).toBe('damaged');
  });

  it('makes codes of 25 unambiguous characters, and reads 0/O and 1/I/L alike', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(isRecoveryCodeShaped(code)).toBe(true);
    expect(isRecoveryCodeShaped('ABC')).toBe(false);
    expect(normalizeRecoveryCode('o1i-l')).toBe('0111');
    expect(newRecoveryCode()).not.toBe(code);
  });
});
