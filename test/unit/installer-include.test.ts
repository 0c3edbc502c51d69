import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, MACHINE_CONFIG_FOLDER } from '../../electron/main/client-config';
import { clientConfigSchema } from '../../shared/client-config';

const include = readFileSync('build/installer.nsh', 'utf8');
const readme = readFileSync('README.md', 'utf8');

/** The value of `!define NAME "value"` in the include. */
function defined(name: string): string {
  const match = new RegExp(`^!define ${name} "([^"]*)"$`, 'm').exec(include);
  if (!match?.[1]) throw new Error(`build/installer.nsh defines no ${name}`);
  return match[1];
}

describe("the installer's include and the app agree (build/installer.nsh)", () => {
  it('writes the keys the app reads, under the names it reads them by', () => {
    const keys = Object.keys(clientConfigSchema.shape);
    expect(keys).toContain(defined('SEN_KEY_SERVER'));
    expect(defined('SEN_KEY_SERVER')).toBe('serverUrl');
    expect(defined('SEN_KEY_CODE')).toBe('enrollmentCode');
    expect(defined('SEN_KEY_NAME')).toBe('deviceName');
    for (const key of ['SEN_KEY_CODE', 'SEN_KEY_NAME']) expect(keys).toContain(defined(key));
    // Every key written goes through a define: no key spelt out elsewhere in the include.
    for (const key of keys) {
      const uses = include.split('\n').filter((line) => line.includes(`"${key}"`) && !line.startsWith('!define'));
      expect(uses, key).toEqual([]);
    }
  });

  it('writes into the folder and the file the app looks in first (C:\\ProgramData\\Sen\\config.json)', () => {
    expect(defined('SEN_CONFIG_DIR')).toBe(MACHINE_CONFIG_FOLDER);
    expect(defined('SEN_CONFIG_FILE')).toBe(CONFIG_FILE_NAME);
    expect(include).toMatch(/SetShellVarContext all\s+CreateDirectory "\$APPDATA\\\$\{SEN_CONFIG_DIR\}"/);
  });

  it('takes the options the README tells installers to type, and the file it tells them to place', () => {
    const options = ['SEN_OPTION_SERVER', 'SEN_OPTION_CODE', 'SEN_OPTION_NAME'].map(defined);
    expect(options).toEqual(['/SERVER=', '/CODE=', '/NAME=']);
    const silentInstall = readme.split('\n').find((line) => line.includes('Sen-Setup-') && line.includes(' /S '));
    expect(silentInstall, 'README has a silent install command line').toBeDefined();
    for (const option of options) expect(silentInstall).toContain(option);
    expect(readme).toContain(defined('SEN_BESIDE_FILE'));
  });

  it('hooks into the install section electron-builder runs (customInstall), not into the uninstaller', () => {
    expect(include).toMatch(/^!macro customInstall$/m);
    expect(include).toMatch(/^!ifndef BUILD_UNINSTALLER$/m);
  });
});
