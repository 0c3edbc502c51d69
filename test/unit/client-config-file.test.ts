import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientConfigPaths, decodeConfigFile, loadClientConfig } from '../../electron/main/client-config';
import { ClientConfigError, parseClientConfigText } from '../../shared/client-config';

describe('reading the config.json the installer writes', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sen-config-'));
    file = join(folder, 'config.json');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const full = {
    serverUrl: 'https://sen.soyte-laocai.vn',
    enrollmentCode: 'ABCD-1234',
    deviceName: 'Khoa khám 1',
  };

  it('reads UTF-8, UTF-8 with a byte order mark (Notepad) and UTF-16LE (the installer) alike', async () => {
    const json = JSON.stringify(full);
    for (const bytes of [
      Buffer.from(json, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    ]) {
      await writeFile(file, bytes);
      expect(loadClientConfig([file], {})).toEqual(full);
    }
    expect(decodeConfigFile(Buffer.from([0xff, 0xfe, 0x4b, 0x00]))).toBe('K');
  });

  it('says which file is not JSON instead of crashing on a parser error', async () => {
    await writeFile(file, '{ "serverUrl": "https://sen.example", ');
    expect(() => loadClientConfig([file], {})).toThrow(ClientConfigError);
    expect(() => loadClientConfig([file], {})).toThrow(
      new RegExp(`Tệp cấu hình .*config\\.json.* không phải JSON hợp lệ`),
    );
  });

  it('names the missing and the invalid fields, in Vietnamese', () => {
    expect(() => parseClientConfigText('{"deviceName":"Tiếp đón 1"}', 'C:\\ProgramData\\Sen\\config.json')).toThrow(
      'Tệp cấu hình C:\\ProgramData\\Sen\\config.json không dùng được: thiếu serverUrl.',
    );
    expect(() => parseClientConfigText('{"serverUrl":"ftp://sen.example","idleLockMinutes":"mười"}', 'x')).toThrow(
      'Tệp cấu hình x không dùng được: serverUrl không hợp lệ; idleLockMinutes không hợp lệ.',
    );
    expect(() => parseClientConfigText('[]', 'x')).toThrow('không dùng được');
  });

  it('never falls back to another server when the file is there but broken', async () => {
    await writeFile(file, '{}');
    expect(() => loadClientConfig([file], { SEN_SERVER_URL: 'https://other.example' })).toThrow('thiếu serverUrl');
  });

  it('takes the first file found, then the environment, then loopback', async () => {
    await writeFile(file, JSON.stringify({ serverUrl: 'https://second.example' }));
    const missing = join(folder, 'absent', 'config.json');
    expect(loadClientConfig([missing, file], {}).serverUrl).toBe('https://second.example');
    expect(loadClientConfig([missing], { SEN_SERVER_URL: 'https://env.example', SEN_DEVICE_NAME: 'PC' })).toEqual({
      serverUrl: 'https://env.example',
      deviceName: 'PC',
    });
    expect(loadClientConfig([missing], {}).serverUrl).toBe('http://127.0.0.1:8780');
  });

  it('looks in ProgramData first on Windows (the per-machine file), in the data folder everywhere', () => {
    expect(
      clientConfigPaths({ platform: 'win32', programData: 'C:\\ProgramData', userData: '/u/AppData/Roaming/Sen' }),
    ).toEqual([join('C:\\ProgramData', 'Sen', 'config.json'), join('/u/AppData/Roaming/Sen', 'config.json')]);
    expect(clientConfigPaths({ platform: 'linux', programData: undefined, userData: '/home/u/.config/sen' })).toEqual([
      join('/home/u/.config/sen', 'config.json'),
    ]);
  });
});
