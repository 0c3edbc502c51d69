/**
 * Whether this build can sign the installer: electron-builder signs with the .pfx certificate
 * that WIN_CSC_LINK (or CSC_LINK) names, unlocked by WIN_CSC_KEY_PASSWORD (or CSC_KEY_PASSWORD).
 */
export function isSigningConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(env.WIN_CSC_LINK ?? env.CSC_LINK);
}

/**
 * The installer's file name (electron-builder's macros): an unsigned build says so, so that
 * nobody hands a facility a file SmartScreen will warn about without knowing why.
 */
export function installerArtifactName(signed: boolean): string {
  return signed ? 'Sen-Setup-${version}.${ext}' : 'Sen-Setup-${version}-unsigned.${ext}';
}
