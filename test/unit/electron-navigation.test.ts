import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mayNavigate, refuseWindowOpen } from '../../electron/main/navigation-policy';
import { isAppPage } from '../../electron/main/trusted-url';

// The installed app's page, as main.ts builds it with pathToFileURL on Windows.
const APP = 'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html';
// The same check against an http page (the browser-served client's origin), for the origin
// tricks that only exist with a host and port.
const HTTP_APP = 'http://127.0.0.1:5180/index.html';

describe('which pages count as the app', () => {
  it('accepts the app page, with a hash route', () => {
    expect(isAppPage(APP, APP)).toBe(true);
    expect(isAppPage(`${APP}#/patients/019a0000-0000-7000-8000-000000000001`, APP)).toBe(true);
  });

  // URL parsing normalises these to the app page itself: the same file, not a look-alike.
  it.each([
    'FILE:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html',
    'file:///C:/Program Files/Sen/resources/app.asar/dist/renderer/index.html',
    'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/./index.html',
    'file:///C:/Program%20Files/Sen/resources/app.asar/dist/assets/../renderer/index.html',
    'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html?v=1#/',
  ])('accepts another spelling of the app page: %s', (url) => {
    expect(isAppPage(url, APP)).toBe(true);
  });

  it.each([
    // Outside web pages.
    'https://example.com/',
    'http://example.com/index.html',
    'https://evil.example/C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html',
    'HTTPS://EVIL.EXAMPLE/',
    'http://127.0.0.1:8780/',
    'ws://127.0.0.1:8780/',
    'ftp://example.com/index.html',
    // Other files, and look-alikes of the app's file.
    `${APP}.evil.html`,
    `${APP}%00.html`,
    `${APP}/..%2f..%2fevil.html`,
    'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/other.html',
    'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/',
    'file:///C:/Users/Public/index.html',
    'file:///c:/program%20files/sen/resources/app.asar/dist/renderer/index.html',
    'FILE:///C:/Users/Public/evil.html',
    'file://evil.example/C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html',
    'file:////evil.example/share/index.html',
    '\\\\evil.example\\share\\index.html',
    // Schemes that run or show something other than the app.
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    `blob:${APP}`,
    `view-source:${APP}`,
    'about:blank',
    'about:srcdoc',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'chrome-extension://abcdefghijklmnop/index.html',
    'mailto:someone@example.com',
    'ms-settings:privacy',
    'sen://app/index.html',
    // Not URLs at all.
    'not a url',
    '',
    'index.html',
  ])('refuses %s', (url) => {
    expect(isAppPage(url, APP)).toBe(false);
    expect(mayNavigate(url, APP)).toBe(false);
  });

  it.each([
    // The host is evil.com; "127.0.0.1:5180" is only a user name.
    'http://127.0.0.1:5180@evil.com/index.html',
    'http://127.0.0.1:5180@evil.com:5180/index.html',
    // The right host, but disguised behind credentials.
    'http://evil.com@127.0.0.1:5180/index.html',
    'http://user:password@127.0.0.1:5180/index.html',
    // Another port, scheme or host.
    'http://127.0.0.1:5181/index.html',
    'http://127.0.0.1/index.html',
    'https://127.0.0.1:5180/index.html',
    'ws://127.0.0.1:5180/index.html',
    'http://localhost:5180/index.html',
    'http://[::1]:5180/index.html',
    'http://127.0.0.1.evil.com:5180/index.html',
    'http://evil.com/127.0.0.1:5180/index.html',
    'http://evil.com/?http://127.0.0.1:5180/index.html',
    'http://evil.com/#http://127.0.0.1:5180/index.html',
    // The right origin, another page.
    'http://127.0.0.1:5180/index.html.evil',
    'http://127.0.0.1:5180/admin/index.html',
    'http://127.0.0.1:5180/',
  ])('refuses %s against an http app page', (url) => {
    expect(isAppPage(url, HTTP_APP)).toBe(false);
  });

  it.each([
    'http://127.0.0.1:5180/index.html#/patients',
    'HTTP://127.0.0.1:5180/index.html',
    // Numeric spellings of 127.0.0.1 that URL parsing resolves: the same server, not a trick.
    'http://2130706433:5180/index.html',
    'http://0x7f.0.0.1:5180/index.html',
  ])('accepts %s as the http app page', (url) => {
    expect(isAppPage(url, HTTP_APP)).toBe(true);
  });

  it('refuses everything when the app URL itself is broken', () => {
    expect(isAppPage(APP, 'not a url')).toBe(false);
  });
});

describe('window.open', () => {
  it.each([
    'https://example.com/',
    'http://example.com/',
    'https://moh.gov.vn/',
    APP,
    `${APP}#/patients`,
    'about:blank',
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'mailto:someone@example.com',
    '',
  ])('is denied for %s', (url) => {
    expect(refuseWindowOpen({ url })).toEqual({ action: 'deny' });
  });

  it('hands no URL to the OS: nothing in electron/ calls shell.openExternal', () => {
    const electronDir = fileURLToPath(new URL('../../electron', import.meta.url));
    const sources = readdirSync(electronDir, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts'))
      .map((path) => readFileSync(join(electronDir, path), 'utf8'));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(source).not.toMatch(/openExternal\s*\(|openPath\s*\(/);
  });
});
