import { describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { useServerWithClient } from '../helpers/server-with-client';
import { waitFor } from '../helpers/wait-for';

describe('the catalogs on a PC', () => {
  const setup = useServerWithClient();

  it('arrive with sync and answer searches offline: ICD-10 by words or code, drugs and lab tests by name', async () => {
    const { server, client } = setup;
    await seedDemoCatalogs(server.database);
    const [{ count }] = (await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'catalog'`,
    )) as [{ count: number }];
    await client.goOnline();
    await waitFor(async () => (await client.database.catalog.count().exec()) === count, 'the whole catalog pulled');
    await client.goOffline();

    const catalog = new CatalogRepository(client.database, () => '2026-12-02');
    try {
      expect((await catalog.searchIcd10('viem phoi'))[0]?.code).toBe('J18.9');
      expect((await catalog.searchIcd10('j189')).map((entry) => entry.code)).toEqual(['J18.9']);
      expect((await catalog.entry('icd10', 'I10'))?.name).toBe('Bệnh lý tăng huyết áp');
      const drugs = await catalog.search('drug', 'paracet');
      expect(drugs.length).toBeGreaterThan(0);
      expect(drugs.every((drug) => drug.searchKey.startsWith('paracet'))).toBe(true);
      expect((await catalog.search('lab-test', 'glucose')).length).toBeGreaterThan(0);
      // A word anywhere in the name, not only its start.
      expect((await catalog.search('lab-test', 'hong cau')).map((entry) => entry.name)).toContain(
        'Số lượng hồng cầu (RBC)',
      );
      expect((await catalog.all('department')).length).toBeGreaterThanOrEqual(10);
      // Before the catalogs took effect there was nothing in force.
      expect(await new CatalogRepository(client.database, () => '2025-06-01').entry('icd10', 'I10')).toBeNull();
    } finally {
      catalog.close();
    }
  });
});
