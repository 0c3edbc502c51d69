import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { formatUpdateInfo, INSTALLER_FILE, LATEST_YML, UPDATES_PATH } from '../../shared/updates/update-feed';
import { authenticateDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseByteRange } from './byte-range';
import { newestReleaseFor, stagedInstaller } from './release-registry';
import type { UpdatesFolder } from './updates-folder';

/**
 * The app's update feed, in electron-updater's generic-provider layout, answered per PC: its
 * `latest.yml` is the newest version staged for the PC's facility, and it may download only an
 * installer staged for it. Enrolled PCs only (the device token, as for sync): the feed says which
 * facility is on which version, and the installer is the province's build, not a public file.
 */
export function registerFeedRoutes(app: FastifyInstance, database: Database, folder: UpdatesFolder): void {
  // Installers are compressed already, and a gzipped 206 would not be the bytes the range names.
  const options = { compress: false } as const;

  app.get(`${UPDATES_PATH}/${LATEST_YML}`, options, async (request, reply) => {
    const device = await authenticateDevice(request, database);
    const release = await newestReleaseFor(database, device.facilityCode);
    if (!release) {
      throw new HttpError(404, 'no-update-staged', `No version of Sen is staged for facility ${device.facilityCode}.`);
    }
    return reply
      .header('content-type', 'text/yaml; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(formatUpdateInfo(release));
  });

  app.get<{ Params: { file: string } }>(`${UPDATES_PATH}/:file`, options, async (request, reply) => {
    const device = await authenticateDevice(request, database);
    const { file } = request.params;
    if (!INSTALLER_FILE.test(file)) throw new HttpError(404, 'not-found', `No file ${file} in the update feed.`);
    const release = await stagedInstaller(database, device.facilityCode, file);
    if (!release)
      throw new HttpError(404, 'no-update-staged', `${file} is not staged for facility ${device.facilityCode}.`);
    const path = folder.installerPath(release);
    const size = await stat(path).then(
      (stats) => stats.size,
      () => null,
    );
    // The folder no longer holds the registered file: say so rather than serve something else.
    if (size !== release.size) throw new HttpError(404, 'not-found', `${file} is missing from the updates folder.`);

    // The registered sha512 names this file's content: a strong validator for If-Range.
    const etag = `"${Buffer.from(release.sha512, 'base64').subarray(0, 16).toString('hex')}"`;
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === etag
        ? parseByteRange(request.headers.range, size)
        : ({ kind: 'whole' } as const);
    void reply.header('accept-ranges', 'bytes').header('etag', etag).header('cache-control', 'no-store');
    if (range.kind === 'unsatisfiable') {
      return reply
        .status(416)
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-range', `bytes */${String(size)}`)
        .send({
          code: 'invalid-request',
          message: `The range ${request.headers.range ?? ''} is not within ${String(size)} bytes.`,
        });
    }
    void reply.header('content-type', 'application/octet-stream');
    if (range.kind === 'whole') {
      return reply.header('content-length', String(size)).send(createReadStream(path));
    }
    return reply
      .status(206)
      .header('content-range', `bytes ${String(range.start)}-${String(range.end)}/${String(size)}`)
      .header('content-length', String(range.end - range.start + 1))
      .send(createReadStream(path, { start: range.start, end: range.end }));
  });
}
