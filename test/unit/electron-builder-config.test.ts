import { existsSync, readFileSync } from 'node:fs';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { updateFeedUrl } from '../../electron/main/client-config';
import { installerArtifactName, isSigningConfigured } from '../../scripts/installer/signing';

interface BuilderConfig {
  appId: string;
  productName: string;
  version?: string;
  extraMetadata?: unknown;
  win: { target: { target: string; arch: string[] }[]; signtoolOptions: { signingHashAlgorithms: string[] } };
  nsis: Record<string, unknown>;
  publish: { provider: string; url: string }[];
}

const text = readFileSync('build/electron-builder.yml', 'utf8');
const config = parse(text) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
};
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

describe('the Windows installer configuration (build/electron-builder.yml)', () => {
  it('is valid for the electron-builder installed (its own schema: no misspelt or misplaced option)', async () => {
    await expect(validateConfiguration(config as never, quietLogger)).resolves.toBeUndefined();
  });

  it('builds an NSIS installer for 64-bit Windows with the app id and the version of package.json', () => {
    expect(config.appId).toBe('vn.sen.emr');
    expect(config.productName).toBe('Sen');
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // No version here nor in extraMetadata: electron-builder takes package.json's.
    expect(config.version).toBeUndefined();
    expect(config.extraMetadata).toBeUndefined();
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.nsis.artifactName).toBe('Sen-Setup-${version}.${ext}');
  });

  it('installs per machine, with a choice of folder (/D=) and silently with /S (the assisted installer)', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    });
  });

  it('puts Sen on the desktop and in the start menu', () => {
    expect(config.nsis).toMatchObject({
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Sen',
    });
  });

  it('speaks Vietnamese (LCID 1066) and only Vietnamese', () => {
    expect(config.nsis).toMatchObject({
      installerLanguages: ['vi_VN'],
      language: '1066',
      multiLanguageInstaller: false,
    });
  });

  it("includes build/installer.nsh, which writes the PC's config.json, and keeps the PC's data on uninstall", () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
    expect(existsSync(config.nsis.include as string)).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it("publishes to electron-updater's generic provider, whose URL each PC takes from its config.json", () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: 'https://sen-province.invalid/updates/' }]);
    expect(updateFeedUrl('https://sen.soyte-laocai.vn')).toBe('https://sen.soyte-laocai.vn/updates/');
    expect(updateFeedUrl('https://tinh.example/sen/')).toBe('https://tinh.example/sen/updates/');
  });

  it('signs with the certificate WIN_CSC_LINK or CSC_LINK names, and names an unsigned build so', () => {
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    expect(isSigningConfigured({})).toBe(false);
    expect(isSigningConfigured({ WIN_CSC_LINK: 'C:\\certs\\sen.pfx' })).toBe(true);
    expect(isSigningConfigured({ CSC_LINK: '/certs/sen.pfx' })).toBe(true);
    expect(installerArtifactName(true)).toBe(config.nsis.artifactName);
    expect(installerArtifactName(false)).toBe('Sen-Setup-${version}-unsigned.${ext}');
    expect(packageJson.scripts['package:win']).toContain('scripts/installer/package-win.ts');
  });
});
