import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatUpdateInfo, type ReleaseFile } from '../../shared/updates/update-feed';

/** A fresh updates folder (SEN_UPDATES_DIR) for one test file. */
export function makeUpdatesFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sen-updates-'));
}

/**
 * Puts a release into the folder as electron-builder's output is copied there: an "installer"
 * of random bytes and its latest.yml. `statedSha512` writes a yml that does not match the file.
 */
export async function writeRelease(
  folder: string,
  version: string,
  options: { size?: number; statedSha512?: string } = {},
): Promise<{ release: ReleaseFile; bytes: Buffer; path: string }> {
  const bytes = randomBytes(options.size ?? 64 * 1024);
  const fileName = `Sen-Setup-${version}.exe`;
  const release: ReleaseFile = {
    version,
    fileName,
    sha512: options.statedSha512 ?? createHash('sha512').update(bytes).digest('base64'),
    size: bytes.length,
    releaseDate: '2026-12-03T08:00:00.000Z',
  };
  await mkdir(join(folder, version), { recursive: true });
  const path = join(folder, version, fileName);
  await writeFile(path, bytes);
  await writeFile(join(folder, version, 'latest.yml'), formatUpdateInfo(release));
  return { release, bytes, path };
}

export function sha512Base64(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}
