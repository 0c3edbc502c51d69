import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { forgetBrowserDatabaseKey, loadBrowserDatabaseKey } from '../../renderer/device/browser-key-store';
import { databaseKeySchema } from '../../shared/database-key';

describe("browser mode's database key", () => {
  it('is created on first use and the same ever after', async () => {
    const profile = new IDBFactory();
    const key = await loadBrowserDatabaseKey(profile);
    expect(databaseKeySchema.safeParse(key).success).toBe(true);
    expect(await loadBrowserDatabaseKey(profile)).toBe(key);
  });

  it('is one key when two tabs open at once on first use', async () => {
    const profile = new IDBFactory();
    const keys = await Promise.all([loadBrowserDatabaseKey(profile), loadBrowserDatabaseKey(profile)]);
    expect(keys[0]).toBe(keys[1]);
  });

  it('is a new one after the device was erased', async () => {
    const profile = new IDBFactory();
    const key = await loadBrowserDatabaseKey(profile);
    await forgetBrowserDatabaseKey(profile);
    expect(await loadBrowserDatabaseKey(profile)).not.toBe(key);
  });

  it('differs between browser profiles', async () => {
    expect(await loadBrowserDatabaseKey(new IDBFactory())).not.toBe(await loadBrowserDatabaseKey(new IDBFactory()));
  });
});
