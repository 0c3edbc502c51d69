import { describe, expect, it } from 'vitest';
import { deriveDatabaseSecrets, newDatabaseKey } from '../../renderer/db/database-secrets';
import { DocumentCipher } from '../../renderer/db/document-cipher';
import { databaseKeySchema } from '../../shared/database-key';

const KEY = 'c2VuIGludGVncmF0aW9uIHRlc3QgZGF0YWJhc2Uga3k';

describe('the secrets derived from the database key', () => {
  it('are the same for the same key, so the database opens again after a restart', async () => {
    const first = await deriveDatabaseSecrets(KEY);
    const again = await deriveDatabaseSecrets(KEY);
    expect(again.rxdbPassword).toBe(first.rxdbPassword);
    const sealed = await new DocumentCipher(first.sealingKey).seal('Đào', 'context');
    expect(await new DocumentCipher(again.sealingKey).open(sealed, 'context')).toBe('Đào');
  });

  it('differ for another key, and the RxDB password is not the key itself', async () => {
    const mine = await deriveDatabaseSecrets(KEY);
    const other = await deriveDatabaseSecrets(newDatabaseKey());
    expect(other.rxdbPassword).not.toBe(mine.rxdbPassword);
    expect(mine.rxdbPassword).not.toContain(KEY);
  });

  it('keep the sealing key inside WebCrypto', async () => {
    const { sealingKey } = await deriveDatabaseSecrets(KEY);
    expect(sealingKey.extractable).toBe(false);
    expect(sealingKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('refuse a key that is not 256 bits in base64url', async () => {
    for (const malformed of ['', 'short', `${KEY}A`, KEY.replace('c', '+')]) {
      await expect(deriveDatabaseSecrets(malformed)).rejects.toThrow();
    }
  });

  it('start from new random keys in the handover format', () => {
    const keys = new Set(Array.from({ length: 50 }, newDatabaseKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(databaseKeySchema.safeParse(key).success).toBe(true);
    expect(Buffer.from([...keys][0] ?? '', 'base64url')).toHaveLength(32);
  });
});
