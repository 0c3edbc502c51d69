import { describe, expect, it } from 'vitest';
import { dispatchIpc, type IpcImplementations } from '../../electron/main/ipc-dispatch';
import { isAppPage } from '../../electron/main/trusted-url';

const APP = 'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html';

describe('which pages count as the app', () => {
  it('accepts the app page, with a hash route', () => {
    expect(isAppPage(APP, APP)).toBe(true);
    expect(isAppPage(`${APP}#/patients/019a0000-0000-7000-8000-000000000001`, APP)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8780/',
    `${APP}.evil.html`,
    'file:///C:/Users/Public/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppPage(url, APP)).toBe(false);
  });
});

describe('IPC dispatch', () => {
  const saved: string[] = [];
  const implementations: IpcImplementations = {
    getClientConfig: () => Promise.resolve({ serverUrl: 'https://so-yte.example.vn/' }),
    loadDeviceCredential: () => Promise.resolve(null),
    saveDeviceCredential: (credential) => {
      saved.push(credential);
      return Promise.resolve(null);
    },
    getDatabaseKey: () => Promise.resolve('c2VuIGludGVncmF0aW9uIHRlc3QgZGF0YWJhc2Uga3k'),
  };

  it('passes a valid request through and wraps the answer', async () => {
    expect(await dispatchIpc('saveDeviceCredential', 'secret', implementations)).toEqual({ ok: true, value: null });
    expect(saved).toEqual(['secret']);
  });

  it.each([[42], [{ toString: 'x' }], [''], ['x'.repeat(5000)], [null]])(
    'refuses an invalid argument %#',
    async (argument) => {
      const result = await dispatchIpc('saveDeviceCredential', argument, implementations);
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.error.code).toBe('invalid-ipc-request');
    },
  );

  it('refuses arguments to a method that takes none', async () => {
    const result = await dispatchIpc('loadDeviceCredential', { path: '/etc/passwd' }, implementations);
    expect(result.ok).toBe(false);
  });

  it('reports a failing implementation as an error value', async () => {
    const failing = { ...implementations, loadDeviceCredential: () => Promise.reject(new Error('keystore locked')) };
    expect(await dispatchIpc('loadDeviceCredential', undefined, failing)).toEqual({
      ok: false,
      error: { code: 'ipc-failed', message: 'keystore locked' },
    });
  });

  it('hands over the database key only in its 256-bit format', async () => {
    expect(await dispatchIpc('getDatabaseKey', undefined, implementations)).toEqual({
      ok: true,
      value: 'c2VuIGludGVncmF0aW9uIHRlc3QgZGF0YWJhc2Uga3k',
    });
    const short = { ...implementations, getDatabaseKey: () => Promise.resolve('too-short') };
    expect((await dispatchIpc('getDatabaseKey', undefined, short)).ok).toBe(false);
  });
});
