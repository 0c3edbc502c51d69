import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogEntry } from '../../shared/catalog/catalog-entry';
import type { SenDatabase } from '../db/collections';
import { CatalogRepository } from './catalog-repository';
import { localDay } from './local-day';

const version = (effectiveFrom: string, name: string) =>
  ({ kind: 'drug', code: 'T1', name, effectiveFrom, effectiveTo: '', withdrawn: false }) as unknown as CatalogEntry;

/** The two versions of one entry, as the stored collection answers any query (all that `entry` needs). */
function catalogHolding(entries: CatalogEntry[]): SenDatabase {
  const documents = entries.map((entry) => ({ toMutableJSON: () => ({ ...entry, syncMeta: {} }) }));
  return {
    catalog: {
      $: { subscribe: () => ({ unsubscribe: () => undefined }) },
      find: () => ({ exec: () => Promise.resolve(documents) }),
    },
  } as unknown as SenDatabase;
}

describe("the catalog's day", () => {
  beforeEach(() => {
    // Node reads the zone again whenever TZ changes.
    vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('is the local day: a version effective 1 January applies at 06:00 on 1 January in Vietnam', async () => {
    // 06:00 on 1 Jan 2027 in Vietnam is 23:00 on 31 Dec 2026 UTC.
    vi.setSystemTime(new Date('2026-12-31T23:00:00.000Z'));
    expect(localDay(new Date())).toBe('2027-01-01');
    const catalog = new CatalogRepository(catalogHolding([version('2026-01-01', 'cũ'), version('2027-01-01', 'mới')]));
    expect((await catalog.entry('drug', 'T1'))?.name).toBe('mới');
    catalog.close();
  });
});
