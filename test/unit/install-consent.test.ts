import { describe, expect, it } from 'vitest';
import { InstallConsent } from '../../electron/main/install-consent';

function consent(answer: boolean) {
  const updater = { autoInstallOnAppQuit: true };
  const asked: string[] = [];
  const rule = new InstallConsent(updater, (version) => {
    asked.push(version);
    return Promise.resolve(answer);
  });
  return { updater, asked, rule };
}

describe('consent to install a downloaded update', () => {
  it('installs on quit nothing the user did not agree to', () => {
    expect(consent(true).updater.autoInstallOnAppQuit).toBe(false);
  });

  it('never asks while a visit form is open, and asks once it is closed', async () => {
    const { updater, asked, rule } = consent(true);
    await rule.setSafe(false);
    await rule.downloadedVersion('0.2.0');
    expect(asked).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await rule.setSafe(true);
    expect(asked).toEqual(['0.2.0']);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    // Asked once per version, however often the renderer reports.
    await rule.setSafe(false);
    await rule.setSafe(true);
    expect(asked).toEqual(['0.2.0']);
  });

  it('leaves the running version in place when the user says later', async () => {
    const { updater, asked, rule } = consent(false);
    await rule.setSafe(true);
    await rule.downloadedVersion('0.2.0');
    expect(asked).toEqual(['0.2.0']);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });
});
