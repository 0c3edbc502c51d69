import { compareSemVer } from '../../shared/updates/semver';
import type { ReleaseFile } from '../../shared/updates/update-feed';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';

/** A registered release and who is in its stage, as the admin list shows it. */
export interface ReleaseListing extends ReleaseFile {
  registeredAt: string;
  registeredBy: string;
  stage: { all: boolean; allSince: string | null; facilities: { code: string; name: string; stagedAt: string }[] };
  /** Enrolled, not revoked PCs whose last report says they run this version */
  devicesRunning: number;
}

const RELEASE_COLUMNS = `version, file_name AS "fileName", sha512, size::float8 AS size, release_date AS "releaseDate"`;

/** Stores a release read and checked from the folder; the same file again is a no-op. */
export async function storeRelease(db: SqlExecutor, release: ReleaseFile, registeredBy: string): Promise<ReleaseFile> {
  const [existing] = await db.query<ReleaseFile>(`SELECT ${RELEASE_COLUMNS} FROM update_releases WHERE version = $1`, [
    release.version,
  ]);
  if (existing) {
    if (existing.sha512 === release.sha512 && existing.fileName === release.fileName) return existing;
    throw new HttpError(
      422,
      'release-invalid',
      `Version ${release.version} is already registered with another installer: a published version never changes; publish a new version.`,
    );
  }
  await db.query(
    `INSERT INTO update_releases (version, file_name, sha512, size, release_date, registered_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [release.version, release.fileName, release.sha512, release.size, release.releaseDate, registeredBy],
  );
  return release;
}

export type RolloutStage = { all: true } | { facilities: string[] };

/** Widens a release's stage: more facilities, or all. A stage never narrows. */
export async function widenStage(db: SqlExecutor, version: string, stage: RolloutStage, by: string): Promise<void> {
  const [release] = await db.query<{ version: string }>('SELECT version FROM update_releases WHERE version = $1', [
    version,
  ]);
  if (!release) throw new HttpError(404, 'not-found', `Version ${version} is not registered.`);
  if ('all' in stage) {
    await db.query(
      'UPDATE update_releases SET all_facilities = true, all_since = coalesce(all_since, now()) WHERE version = $1',
      [version],
    );
    return;
  }
  const known = await db.query<{ code: string }>('SELECT code FROM facilities WHERE code = ANY($1::text[])', [
    stage.facilities,
  ]);
  const unknown = stage.facilities.filter((code) => !known.some((row) => row.code === code));
  if (unknown.length > 0) throw new HttpError(404, 'not-found', `No facility ${unknown.join(', ')}.`, { unknown });
  await db.query(
    `INSERT INTO update_rollout_facilities (version, facility_code, staged_by)
     SELECT $1, code, $3 FROM unnest($2::text[]) AS code
     ON CONFLICT (version, facility_code) DO NOTHING`,
    [version, stage.facilities, by],
  );
}

/** The releases offered to a facility: staged for it, or for all. */
async function releasesFor(db: SqlExecutor, facilityCode: string): Promise<ReleaseFile[]> {
  return db.query<ReleaseFile>(
    `SELECT ${RELEASE_COLUMNS} FROM update_releases r
     WHERE r.all_facilities
        OR EXISTS (SELECT 1 FROM update_rollout_facilities s WHERE s.version = r.version AND s.facility_code = $1)`,
    [facilityCode],
  );
}

/** The newest release staged for the facility, or null: what its PCs' feed answers. */
export async function newestReleaseFor(db: SqlExecutor, facilityCode: string): Promise<ReleaseFile | null> {
  const releases = await releasesFor(db, facilityCode);
  return releases.sort((a, b) => compareSemVer(b.version, a.version))[0] ?? null;
}

/** The staged release whose installer is `fileName`, or null: a PC downloads only what its feed offers. */
export async function stagedInstaller(
  db: SqlExecutor,
  facilityCode: string,
  fileName: string,
): Promise<ReleaseFile | null> {
  return (await releasesFor(db, facilityCode)).find((release) => release.fileName === fileName) ?? null;
}

/** Every release, newest first, with its stage and how many PCs already run it. */
export async function listReleases(db: SqlExecutor): Promise<{
  releases: ReleaseListing[];
  fleet: { appVersion: string | null; devices: number }[];
}> {
  const [releases, staged, fleet] = await Promise.all([
    db.query<Omit<ReleaseListing, 'stage' | 'devicesRunning'> & { all: boolean; allSince: string | null }>(
      `SELECT ${RELEASE_COLUMNS}, ${isoTimestamp('registered_at')} AS "registeredAt", registered_by AS "registeredBy",
              all_facilities AS all, ${isoTimestamp('all_since')} AS "allSince"
       FROM update_releases`,
    ),
    db.query<{ version: string; code: string; name: string; stagedAt: string }>(
      `SELECT s.version, s.facility_code AS code, f.name, ${isoTimestamp('s.staged_at')} AS "stagedAt"
       FROM update_rollout_facilities s JOIN facilities f ON f.code = s.facility_code
       ORDER BY s.facility_code`,
    ),
    db.query<{ appVersion: string | null; devices: number }>(
      `SELECT app_version AS "appVersion", count(*)::int AS devices FROM devices
       WHERE revoked_at IS NULL GROUP BY app_version`,
    ),
  ]);
  const running = (version: string): number => fleet.find((row) => row.appVersion === version)?.devices ?? 0;
  return {
    releases: releases
      .sort((a, b) => compareSemVer(b.version, a.version))
      .map(({ all, allSince, ...release }) => ({
        ...release,
        stage: {
          all,
          allSince,
          facilities: staged
            .filter((row) => row.version === release.version)
            .map(({ code, name, stagedAt }) => ({ code, name, stagedAt })),
        },
        devicesRunning: running(release.version),
      })),
    fleet: fleet.sort((a, b) => compareSemVer(b.appVersion ?? '', a.appVersion ?? '')),
  };
}
