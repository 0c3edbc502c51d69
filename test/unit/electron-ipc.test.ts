import { describe, expect, it } from 'vitest';
import { dispatchIpc, isIpcMethod, type IpcImplementations } from '../../electron/main/ipc-dispatch';
import { createIpcHandler, registerIpcHandlers } from '../../electron/main/ipc-handlers';
import { isTrustedSender, type IpcSenderEvent } from '../../electron/main/ipc-sender';
import { createBridge } from '../../electron/preload/bridge';
import { IPC_METHODS, ipcChannel, type IpcMethod, type IpcRequest } from '../../shared/ipc/contract';
import { FakeIpcMain } from '../helpers/electron-fakes';

const APP = 'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html';
/** 32 bytes, base64url: the only shape of database key main may hand over. */
const DATABASE_KEY = 'c2VuIGludGVncmF0aW9uIHRlc3QgZGF0YWJhc2Uga3k';

/** Implementations that record every call: a refused request must leave `calls` empty. */
function recordingImplementations(): { implementations: IpcImplementations; calls: [IpcMethod, unknown][] } {
  const calls: [IpcMethod, unknown][] = [];
  const implementations: IpcImplementations = {
    getClientConfig: (request) => {
      calls.push(['getClientConfig', request]);
      return Promise.resolve({ serverUrl: 'https://so-yte.example.vn/' });
    },
    loadDeviceCredential: (request) => {
      calls.push(['loadDeviceCredential', request]);
      return Promise.resolve(null);
    },
    saveDeviceCredential: (request) => {
      calls.push(['saveDeviceCredential', request]);
      return Promise.resolve(null);
    },
    getDatabaseKey: (request) => {
      calls.push(['getDatabaseKey', request]);
      return Promise.resolve(DATABASE_KEY);
    },
    forgetDevice: (request) => {
      calls.push(['forgetDevice', request]);
      return Promise.resolve(null);
    },
    printDocument: (request) => {
      calls.push(['printDocument', request]);
      return Promise.resolve({ outcome: 'printed', path: null });
    },
    pickBackupFolder: (request) => {
      calls.push(['pickBackupFolder', request]);
      return Promise.resolve('E:\\Sao lưu');
    },
    writeBackupFile: (request) => {
      calls.push(['writeBackupFile', request]);
      return Promise.resolve(null);
    },
    setUpdateInstallSafety: (request) => {
      calls.push(['setUpdateInstallSafety', request]);
      return Promise.resolve(null);
    },
  };
  return { implementations, calls };
}

/** One valid request per method: typed, so a new contract method must add its own here. */
const VALID_REQUESTS: { [M in IpcMethod]: IpcRequest<M> } = {
  getClientConfig: undefined,
  loadDeviceCredential: undefined,
  saveDeviceCredential: '{"deviceId":"019a0000-0000-7000-8000-000000000001"}',
  getDatabaseKey: undefined,
  forgetDevice: undefined,
  printDocument: { action: 'save-pdf', pageSize: 'A5', marginMm: 10, fileName: 'Đơn thuốc 10010ABC1234N.pdf' },
  pickBackupFolder: undefined,
  writeBackupFile: { folder: 'E:\\Sao lưu', fileName: 'sen-79001-20261203-0905.senbak', text: '{}' },
  setUpdateInstallSafety: { safe: false },
};

/**
 * Arguments no contract method accepts. A future method whose schema accepts one of these has to
 * say why here, rather than quietly widening what the renderer may send.
 */
const HOSTILE_ARGUMENTS: [string, unknown][] = [
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['null', null],
  ['an empty string', ''],
  ['a 5,000-character string', 'x'.repeat(5_000)],
  ['a 10 MB string', 'x'.repeat(10_000_000)],
  ['an empty array', []],
  ['an array of strings', ['secret']],
  ['an empty object', {}],
  ['an object with extra keys', { credential: 'secret', admin: true }],
  ['an object with toString', { toString: 'x' }],
  ['a __proto__ payload', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['a constructor.prototype payload', JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')],
  ['a null-prototype object', Object.create(null)],
  ['a path', { path: '/etc/passwd' }],
  ['a deeply nested object', JSON.parse('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000))],
  ['a Date', new Date(0)],
  ['a Uint8Array', new Uint8Array(16)],
];

const mainFrame = (url: string): IpcSenderEvent => ({ senderFrame: { url, parent: null } });

describe('IPC dispatch', () => {
  it('passes a valid request through and wraps the answer', async () => {
    const { implementations, calls } = recordingImplementations();
    expect(await dispatchIpc('saveDeviceCredential', 'secret', implementations)).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['saveDeviceCredential', 'secret']]);
  });

  it.each(IPC_METHODS)('accepts the valid request of %s', async (method) => {
    const { implementations, calls } = recordingImplementations();
    expect((await dispatchIpc(method, VALID_REQUESTS[method], implementations)).ok).toBe(true);
    expect(calls).toEqual([[method, VALID_REQUESTS[method]]]);
  });

  describe.each(IPC_METHODS)('%s', (method) => {
    it.each(HOSTILE_ARGUMENTS)('refuses %s without calling the implementation', async (_name, argument) => {
      const { implementations, calls } = recordingImplementations();
      const result = await dispatchIpc(method, argument, implementations);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-ipc-request' } });
      expect(calls).toEqual([]);
    });
  });

  it.each([
    ['a file name with a folder', { action: 'save-pdf', pageSize: 'A4', marginMm: 10, fileName: '../../x.pdf' }],
    ['a Windows path', { action: 'save-pdf', pageSize: 'A4', marginMm: 10, fileName: 'C:\\x.pdf' }],
    ['a file that is not a PDF', { action: 'save-pdf', pageSize: 'A4', marginMm: 10, fileName: 'x.exe' }],
    ['a hidden file', { action: 'save-pdf', pageSize: 'A4', marginMm: 10, fileName: '.pdf' }],
    ['a paper size we do not print', { action: 'print', pageSize: 'Letter', marginMm: 10, fileName: 'x.pdf' }],
    ['margins off the paper', { action: 'print', pageSize: 'A4', marginMm: 500, fileName: 'x.pdf' }],
    ['a silent print', { action: 'print', pageSize: 'A4', marginMm: 10, fileName: 'x.pdf', silent: true }],
  ])('refuses a print request with %s', async (_name, request) => {
    const { implementations, calls } = recordingImplementations();
    const result = await dispatchIpc('printDocument', request, implementations);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-ipc-request' } });
    expect(calls).toEqual([]);
  });

  it('refuses a missing argument where one is required', async () => {
    const { implementations, calls } = recordingImplementations();
    const result = await dispatchIpc('saveDeviceCredential', undefined, implementations);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-ipc-request' } });
    expect(calls).toEqual([]);
  });

  it('answers a huge argument with a short message that does not echo it', async () => {
    const { implementations } = recordingImplementations();
    const huge = 'A'.repeat(10_000_000);
    const result = await dispatchIpc('saveDeviceCredential', huge, implementations);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message.length).toBeLessThan(1_000);
    expect(message).not.toContain('AAAA');
  });

  it('leaves Object.prototype alone after __proto__ payloads', async () => {
    const { implementations } = recordingImplementations();
    for (const method of IPC_METHODS) {
      await dispatchIpc(method, JSON.parse('{"__proto__":{"polluted":true}}'), implementations);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    'GETCLIENTCONFIG',
    'getClientConfig ',
    'sen:getClientConfig',
    'openExternal',
    'readFile',
  ])('refuses the unknown method %j without throwing', async (method) => {
    const { implementations, calls } = recordingImplementations();
    expect(isIpcMethod(method)).toBe(false);
    const result = await dispatchIpc(method, undefined, implementations);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-ipc-method' } });
    expect(calls).toEqual([]);
  });

  it('reports a failing implementation as an error value', async () => {
    const { implementations } = recordingImplementations();
    const failing = { ...implementations, loadDeviceCredential: () => Promise.reject(new Error('keystore locked')) };
    expect(await dispatchIpc('loadDeviceCredential', undefined, failing)).toEqual({
      ok: false,
      error: { code: 'ipc-failed', message: 'keystore locked' },
    });
  });

  it('reports an implementation that throws instead of rejecting as an error value', async () => {
    const { implementations } = recordingImplementations();
    const throwing: IpcImplementations = {
      ...implementations,
      loadDeviceCredential: () => {
        throw new Error('not a promise');
      },
    };
    expect(await dispatchIpc('loadDeviceCredential', undefined, throwing)).toMatchObject({
      ok: false,
      error: { code: 'ipc-failed' },
    });
  });

  it('refuses to hand the renderer an answer outside the contract', async () => {
    const { implementations } = recordingImplementations();
    const lying: IpcImplementations = {
      ...implementations,
      getClientConfig: () => Promise.resolve({ serverUrl: 'javascript:alert(1)' }),
    };
    expect(await dispatchIpc('getClientConfig', undefined, lying)).toMatchObject({
      ok: false,
      error: { code: 'ipc-failed' },
    });
  });
});

describe('IPC senders', () => {
  it('trusts the app page in its main frame', () => {
    expect(isTrustedSender(mainFrame(APP), APP)).toBe(true);
    expect(isTrustedSender(mainFrame(`${APP}#/patients`), APP)).toBe(true);
  });

  const untrusted: [string, IpcSenderEvent][] = [
    ['a frame that is gone', { senderFrame: null }],
    ['the app page in a subframe', { senderFrame: { url: APP, parent: { url: APP } } }],
    ['an outside page', mainFrame('https://evil.example/')],
    ['a look-alike file', mainFrame(`${APP}.evil.html`)],
    ['another local file', mainFrame('file:///C:/Users/Public/index.html')],
    ['about:blank', mainFrame('about:blank')],
    ['a data: page', mainFrame('data:text/html,<script>1</script>')],
    ['devtools', mainFrame('devtools://devtools/bundled/inspector.html')],
    ['an empty URL', mainFrame('')],
    [
      'a frame whose getters throw',
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ],
  ];

  it.each(untrusted)('does not trust %s', (_name, event) => {
    expect(isTrustedSender(event, APP)).toBe(false);
  });

  describe.each(IPC_METHODS)('%s', (method) => {
    it.each(untrusted)('refuses a call from %s without calling the implementation', async (_name, event) => {
      const { implementations, calls } = recordingImplementations();
      const result = await createIpcHandler(method, APP, implementations)(event, VALID_REQUESTS[method]);
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(calls).toEqual([]);
    });

    it('refuses more than one argument', async () => {
      const { implementations, calls } = recordingImplementations();
      const result = await createIpcHandler(method, APP, implementations)(
        mainFrame(APP),
        VALID_REQUESTS[method],
        'extra',
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-ipc-request' } });
      expect(calls).toEqual([]);
    });
  });

  it('treats no argument as an undefined request', async () => {
    const { implementations, calls } = recordingImplementations();
    expect((await createIpcHandler('loadDeviceCredential', APP, implementations)(mainFrame(APP))).ok).toBe(true);
    expect(await createIpcHandler('saveDeviceCredential', APP, implementations)(mainFrame(APP))).toMatchObject({
      ok: false,
      error: { code: 'invalid-ipc-request' },
    });
    expect(calls).toEqual([['loadDeviceCredential', undefined]]);
  });
});

describe('IPC registration', () => {
  const { implementations, calls } = recordingImplementations();
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain, APP, implementations);

  it('handles one channel per contract method and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(IPC_METHODS.map(ipcChannel).sort());
  });

  it('routes each channel to its own method', async () => {
    for (const method of IPC_METHODS) {
      expect((await ipcMain.invoke(ipcChannel(method), mainFrame(APP), VALID_REQUESTS[method])).ok).toBe(true);
    }
    expect(calls.map(([method]) => method)).toEqual([...IPC_METHODS]);
  });

  it.each(['sen:openExternal', 'sen:__proto__', 'sen:', 'getClientConfig', 'ELECTRON_BROWSER_REQUIRE'])(
    'leaves the unknown channel %s unhandled',
    async (channel) => {
      expect(ipcMain.handlers.has(channel)).toBe(false);
      await expect(ipcMain.invoke(channel, mainFrame(APP))).rejects.toThrow('No handler registered');
    },
  );

  it('answers hostile calls on every channel with an envelope, never a throw', async () => {
    const before = calls.length;
    for (const method of IPC_METHODS) {
      for (const [, argument] of HOSTILE_ARGUMENTS) {
        const result = await ipcMain.invoke(ipcChannel(method), mainFrame(APP), argument);
        expect(result.ok).toBe(false);
      }
      const fromOutside = await ipcMain.invoke(ipcChannel(method), mainFrame('https://evil.example/'));
      expect(fromOutside.ok).toBe(false);
    }
    expect(calls.length).toBe(before);
  });
});

describe('preload bridge', () => {
  function recordingBridge(): { bridge: ReturnType<typeof createBridge>; invoked: unknown[][] } {
    const invoked: unknown[][] = [];
    const bridge = createBridge((...args) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    });
    return { bridge, invoked };
  }

  it('exposes exactly one function per contract method, frozen', () => {
    const { bridge } = recordingBridge();
    expect(Object.keys(bridge).sort()).toEqual([...IPC_METHODS].sort());
    for (const method of IPC_METHODS) expect(typeof bridge[method]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards each call to its own channel with exactly one argument', async () => {
    const { bridge, invoked } = recordingBridge();
    await bridge.saveDeviceCredential('secret');
    // A page passing more arguments than the contract takes: the extra ones are dropped.
    await (bridge.getClientConfig as (...args: unknown[]) => Promise<unknown>)(undefined, { path: '/etc/passwd' });
    expect(invoked).toEqual([
      ['sen:saveDeviceCredential', 'secret'],
      ['sen:getClientConfig', undefined],
    ]);
  });
});

describe('the database key over IPC', () => {
  it('is handed over only in its 256-bit format', async () => {
    const { implementations } = recordingImplementations();
    expect(await dispatchIpc('getDatabaseKey', undefined, implementations)).toEqual({ ok: true, value: DATABASE_KEY });
    const short = { ...implementations, getDatabaseKey: () => Promise.resolve('too-short') };
    expect((await dispatchIpc('getDatabaseKey', undefined, short)).ok).toBe(false);
  });
});
