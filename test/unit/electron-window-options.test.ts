import { describe, expect, it } from 'vitest';
import { appWindowOptions } from '../../electron/main/window-options';

const PRELOAD = '/opt/Sen/resources/app.asar/dist/electron/preload.cjs';
const webPreferences = appWindowOptions(PRELOAD).webPreferences ?? {};

describe("the app window's web preferences", () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (name, value) => {
    expect(webPreferences[name]).toBe(value);
  });

  it('keeps DevTools for an unpackaged developer build only', () => {
    expect(appWindowOptions(PRELOAD, false).webPreferences?.devTools).toBe(true);
  });

  it('loads our preload and nothing else', () => {
    expect(webPreferences.preload).toBe(PRELOAD);
  });

  // Exact, so that any new setting (experimentalFeatures, enableBlinkFeatures, a partition,
  // additionalArguments…) is a visible change to this test, not a silent one.
  it('sets nothing beyond the reviewed settings', () => {
    expect(webPreferences).toEqual({
      preload: PRELOAD,
      devTools: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});
