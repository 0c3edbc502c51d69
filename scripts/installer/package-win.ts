import { readFileSync } from 'node:fs';
import { build, Platform, type Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { installerArtifactName, isSigningConfigured } from './signing';

/**
 * `npm run package:win` after `npm run build`: the NSIS installer from build/electron-builder.yml,
 * named after whether it is signed. Needs a machine that can download Electron, NSIS and
 * winCodeSign from GitHub (electron-builder fetches them).
 */
const config = parse(readFileSync('build/electron-builder.yml', 'utf8')) as Configuration;
const signed = isSigningConfigured(process.env);
if (!signed) {
  console.warn('No WIN_CSC_LINK/CSC_LINK certificate: building an UNSIGNED installer (named -unsigned).');
}
const artifacts = await build({
  targets: Platform.WINDOWS.createTarget(),
  config: { ...config, nsis: { ...config.nsis, artifactName: installerArtifactName(signed) } },
});
console.log(artifacts.join('\n'));
