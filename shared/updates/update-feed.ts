import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { isSemVer } from './semver';

/** Where the provincial server serves the feed: electron-updater's generic provider reads `<url>/latest.yml`. */
export const UPDATES_PATH = '/updates';
export const LATEST_YML = 'latest.yml';

/** An installer's file name as electron-builder's NSIS target names it, and as the feed serves it. */
export const INSTALLER_FILE = /^Sen-Setup-[0-9A-Za-z.+-]{1,40}\.exe$/;

/** SHA-512 as electron-updater states it: base64 of the 64 bytes. */
const SHA512_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

const releaseFileSchema = z.object({
  url: z.string().regex(INSTALLER_FILE),
  sha512: z.string().regex(SHA512_BASE64),
  size: z.number().int().positive(),
});

/**
 * `latest.yml` in electron-updater's generic-provider format, as electron-builder writes it next
 * to the installer. Unknown keys (blockMapSize, isAdminRightsRequired…) are kept out of Sen's
 * model but do not make a file invalid.
 */
export const updateInfoSchema = z.object({
  version: z.string().refine(isSemVer, 'not a semantic version'),
  files: z.array(releaseFileSchema).min(1),
  path: z.string().regex(INSTALLER_FILE),
  sha512: z.string().regex(SHA512_BASE64),
  releaseDate: z.string().min(1).max(40),
});
export type UpdateInfo = z.infer<typeof updateInfoSchema>;

/** One installer of a release: what a PC downloads and checks. */
export interface ReleaseFile {
  version: string;
  fileName: string;
  sha512: string;
  size: number;
  releaseDate: string;
}

/** The parsed feed, or why the text is not one. */
export function parseUpdateInfo(text: string): { ok: true; info: UpdateInfo } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { ok: false, reason: `latest.yml is not YAML: ${error instanceof Error ? error.message : String(error)}` };
  }
  // YAML reads an unquoted 1.10 as a number: versions are always text.
  if (raw !== null && typeof raw === 'object' && 'version' in raw && typeof raw.version === 'number') {
    return { ok: false, reason: 'latest.yml states the version as a number; quote it.' };
  }
  const parsed = updateInfoSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `latest.yml is not a valid feed: ${parsed.error.message}` };
  const { info, reason } = consistent(parsed.data);
  return info ? { ok: true, info } : { ok: false, reason };
}

/** The installer a feed describes: its top-level `path` must be one of its files, with the same hash. */
export function releaseFileOf(info: UpdateInfo): ReleaseFile {
  const file = info.files.find((candidate) => candidate.url === info.path);
  if (!file) throw new Error(`latest.yml names ${info.path} but lists no such file`);
  return {
    version: info.version,
    fileName: file.url,
    sha512: file.sha512,
    size: file.size,
    releaseDate: info.releaseDate,
  };
}

function consistent(info: UpdateInfo): { info: UpdateInfo; reason: '' } | { info: null; reason: string } {
  const file = info.files.find((candidate) => candidate.url === info.path);
  if (!file) return { info: null, reason: `latest.yml names ${info.path} but lists no such file.` };
  if (file.sha512 !== info.sha512)
    return { info: null, reason: 'latest.yml states two different sha512 for its installer.' };
  return { info, reason: '' };
}

/** The feed the server answers for one release, in the same format electron-builder writes. */
export function formatUpdateInfo(release: ReleaseFile): string {
  return stringify({
    version: release.version,
    files: [{ url: release.fileName, sha512: release.sha512, size: release.size }],
    path: release.fileName,
    sha512: release.sha512,
    releaseDate: release.releaseDate,
  });
}
