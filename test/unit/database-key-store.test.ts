import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabaseKeyStore,
  encodeKey,
  KeystoreUnavailableError,
  type OsKeystore,
} from '../../electron/main/database-key-store';
import { databaseKeySchema } from '../../shared/database-key';

/** Stands in for safeStorage: reversible, recognisable, and it counts what it is asked. */
class FakeKeystore implements OsKeystore {
  available = true;
  rotated = false;
  encryptions = 0;
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encryptions++;
    return Promise.resolve(Buffer.from(`dpapi:${Buffer.from(plainText).reverse().toString('hex')}`));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const text = encrypted.toString();
    if (!text.startsWith('dpapi:')) return Promise.reject(new Error('not ours'));
    const result = Buffer.from(text.slice('dpapi:'.length), 'hex').reverse().toString();
    return Promise.resolve({ result, shouldReEncrypt: this.rotated });
  }
}

describe("Electron's database key store", () => {
  let folder: string;
  let path: string;
  let keystore: FakeKeystore;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sen-key-'));
    path = join(folder, 'database-key.bin');
    keystore = new FakeKeystore();
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates a 256-bit key on first use and stores it only as the keystore encrypted it', async () => {
    const key = await new DatabaseKeyStore(path, keystore).load();
    expect(databaseKeySchema.safeParse(key).success).toBe(true);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    const onDisk = readFileSync(path);
    expect(onDisk.toString().startsWith('dpapi:')).toBe(true);
    expect(onDisk.toString()).not.toContain(key);
    expect(readdirSync(folder)).toEqual(['database-key.bin']);
  });

  it('gives the same key after a restart', async () => {
    const key = await new DatabaseKeyStore(path, keystore).load();
    expect(await new DatabaseKeyStore(path, keystore).load()).toBe(key);
  });

  it('forgets the key for good: the next one is new, so the old data stays unreadable', async () => {
    const store = new DatabaseKeyStore(path, keystore);
    const key = await store.load();
    await store.forget();
    expect(readdirSync(folder)).toEqual([]);
    expect(await store.load()).not.toBe(key);
  });

  it('creates one key when two windows ask at once on first run', async () => {
    const store = new DatabaseKeyStore(path, keystore);
    const [a, b] = await Promise.all([store.load(), store.load()]);
    expect(a).toBe(b);
    expect(keystore.encryptions).toBe(1);
  });

  it('keeps the key of another process that created one at the same moment', async () => {
    // Two app instances on first run: both find no key, both generate one, one wins.
    const [a, b] = await Promise.all([
      new DatabaseKeyStore(path, keystore, () => Buffer.alloc(32, 1)).load(),
      new DatabaseKeyStore(path, keystore, () => Buffer.alloc(32, 2)).load(),
    ]);
    expect(a).toBe(b);
    expect(await new DatabaseKeyStore(path, keystore).load()).toBe(a);
    expect(readdirSync(folder)).toEqual(['database-key.bin']);
  });

  it('refuses to create a key when the OS keystore cannot encrypt, writing nothing', async () => {
    keystore.available = false;
    await expect(new DatabaseKeyStore(path, keystore).load()).rejects.toThrow(KeystoreUnavailableError);
    expect(existsSync(path)).toBe(false);
  });

  it('tries again after a refusal, once the keystore is back', async () => {
    keystore.available = false;
    const store = new DatabaseKeyStore(path, keystore);
    await expect(store.load()).rejects.toThrow(/refusing/);
    keystore.available = true;
    expect(databaseKeySchema.safeParse(await store.load()).success).toBe(true);
  });

  it('stores the same key again when the OS rotated its own key', async () => {
    const key = await new DatabaseKeyStore(path, keystore).load();
    keystore.rotated = true;
    const before = keystore.encryptions;
    expect(await new DatabaseKeyStore(path, keystore).load()).toBe(key);
    expect(keystore.encryptions).toBe(before + 1);
    expect(readdirSync(folder)).toEqual(['database-key.bin']);
  });

  it('refuses a stored key it cannot decrypt rather than making a new one', async () => {
    await new DatabaseKeyStore(path, keystore).load();
    const other = new FakeKeystore();
    other.decryptStringAsync = () => Promise.reject(new Error('DPAPI: another Windows user'));
    await expect(new DatabaseKeyStore(path, other).load()).rejects.toThrow(/another Windows user/);
  });

  it('encodes exactly 32 bytes as 43 base64url characters', () => {
    expect(encodeKey(Buffer.alloc(32, 0xff))).toMatch(/^_{42}8$/);
    expect(() => encodeKey(Buffer.alloc(16))).toThrow();
  });
});
