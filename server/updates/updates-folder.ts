import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSemVer } from '../../shared/updates/semver';
import { LATEST_YML, parseUpdateInfo, releaseFileOf, type ReleaseFile } from '../../shared/updates/update-feed';
import { HttpError } from '../http/http-error';
import { fileSha512 } from './file-sha512';

/**
 * The province's updates folder (SEN_UPDATES_DIR): one subfolder per version, holding what
 * electron-builder wrote for it, `latest.yml` and `Sen-Setup-<version>.exe`:
 *
 *   updates/0.2.0/latest.yml
 *   updates/0.2.0/Sen-Setup-0.2.0.exe
 *
 * Versions side by side, because a staged rollout serves an older one to some facilities while
 * others already get the newer.
 */
export class UpdatesFolder {
  constructor(readonly root: string | undefined) {}

  /** Where a registered release's installer lies. */
  installerPath(release: Pick<ReleaseFile, 'version' | 'fileName'>): string {
    if (!this.root) throw new HttpError(404, 'not-found', 'This server has no updates folder (SEN_UPDATES_DIR).');
    return join(this.root, release.version, release.fileName);
  }

  /**
   * Reads and checks `<version>/latest.yml` and the installer it names: the version it states,
   * the file's size and its sha512. Refuses (422 release-invalid) anything that does not agree.
   */
  async readRelease(version: string): Promise<ReleaseFile> {
    if (!this.root) throw invalid('This server has no updates folder: set SEN_UPDATES_DIR.');
    if (!isSemVer(version)) throw invalid(`${version} is not a semantic version (for example 0.2.0).`);
    const folder = join(this.root, version);
    let text: string;
    try {
      text = await readFile(join(folder, LATEST_YML), 'utf8');
    } catch {
      throw invalid(`The updates folder has no ${version}/${LATEST_YML}.`);
    }
    const parsed = parseUpdateInfo(text);
    if (!parsed.ok) throw invalid(parsed.reason);
    if (parsed.info.version !== version) {
      throw invalid(`${version}/${LATEST_YML} describes version ${parsed.info.version}, not ${version}.`);
    }
    const release = releaseFileOf(parsed.info);
    const path = this.installerPath(release);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw invalid(`The installer ${version}/${release.fileName} is not in the updates folder.`);
    }
    if (size !== release.size) {
      throw invalid(`${release.fileName} has ${String(size)} bytes; ${LATEST_YML} states ${String(release.size)}.`);
    }
    const sha512 = await fileSha512(path);
    if (sha512 !== release.sha512) {
      throw invalid(
        `The sha512 of ${release.fileName} is not the one ${LATEST_YML} states: the file is not that release.`,
        {
          file: sha512,
          stated: release.sha512,
        },
      );
    }
    return release;
  }
}

function invalid(message: string, details?: unknown): HttpError {
  return new HttpError(422, 'release-invalid', message, details);
}
