import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogChanges } from '../../server/catalog/catalog-changes';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';

const HEADER = 'STT,Mã chương,Mã nhóm,Mã loại,Mã bệnh,Disease name,Tên bệnh,Không dùng làm bệnh chính,Giới tính';
const WITH_WITHDRAWN = `${HEADER},Ngừng sử dụng`;

const A09 = '1,I,A00-A09,A09,A09,Diarrhoea and gastroenteritis,Tiêu chảy,,';
const J18 = '2,X,J09-J18,J18,J18.9,"Pneumonia, unspecified","Viêm phổi, không đặc hiệu",,';
const K29 = '3,XI,K20-K31,K29,K29.7,"Gastritis, unspecified","Viêm dạ dày, không đặc hiệu",,';
const I10 = '4,IX,I10-I15,I10,I10,Essential (primary) hypertension,Tăng huyết áp vô căn,,';

interface Answer {
  status: number;
  body: { added: number; unchanged: number; changes: CatalogChanges; details?: { errors: unknown[] } };
}

async function importFile(server: TestServer, csv: string, query: Record<string, string>): Promise<Answer> {
  const url = new URL('/admin/v1/catalogs/icd10/import', server.url);
  url.search = new URLSearchParams({ province: '15', ...query }).toString();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_SESSION}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const storedIds = async (server: TestServer): Promise<string[]> =>
  (
    await server.database.query<{ id: string }>(
      `SELECT id FROM sync_documents WHERE collection = 'catalog' ORDER BY id`,
    )
  ).map((row) => row.id);

describe('what a catalog import adds, changes and retires', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
    const first = await importFile(server, [HEADER, A09, J18, K29].join('\n'), { effectiveFrom: '2026-01-01' });
    expect(first.status).toBe(200);
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists each changed code with its line and fields, each new and withdrawn one, storing nothing on a dry run', async () => {
    const renamedJ18 = '2,X,J09-J18,J18,J18.9,"Pneumonia, unspecified","Viêm phổi không rõ tác nhân",,,';
    const withdrawnK29 = `${K29},x`;
    const file = [WITH_WITHDRAWN, `${A09},`, renamedJ18, withdrawnK29, `${I10},`].join('\n');
    const before = await storedIds(server);

    const dry = await importFile(server, file, { effectiveFrom: '2027-01-01', dryRun: '1' });
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toEqual({
      added: {
        count: 1,
        rows: [{ line: 5, code: 'I10', name: 'Tăng huyết áp vô căn', previousName: null, fields: [] }],
      },
      changed: {
        count: 1,
        rows: [
          {
            line: 3,
            code: 'J18.9',
            name: 'Viêm phổi không rõ tác nhân',
            previousName: 'Viêm phổi, không đặc hiệu',
            fields: ['name'],
          },
        ],
      },
      retired: {
        count: 1,
        rows: [
          {
            line: 4,
            code: 'K29.7',
            name: 'Viêm dạ dày, không đặc hiệu',
            previousName: 'Viêm dạ dày, không đặc hiệu',
            fields: [],
          },
        ],
      },
      same: 1,
    });
    expect(await storedIds(server)).toEqual(before);

    const applied = await importFile(server, file, { effectiveFrom: '2027-01-01' });
    expect(applied.status).toBe(200);
    expect(applied.body.changes).toEqual(dry.body.changes);
    expect(applied.body.added).toBe(4);
    // Applied twice: every version is already held, nothing is new.
    const again = await importFile(server, file, { effectiveFrom: '2027-01-01', dryRun: '1' });
    expect(again.body).toMatchObject({ added: 0, unchanged: 4, changes: { added: { count: 0 }, same: 0 } });
  });

  it('retires the codes in force that a whole list lacks only when asked to, with no line', async () => {
    const file = [HEADER, A09, J18].join('\n');
    const partial = await importFile(server, file, { effectiveFrom: '2027-01-01', dryRun: '1' });
    expect(partial.body.changes.retired.count).toBe(0);

    const whole = await importFile(server, file, { effectiveFrom: '2027-01-01', dryRun: '1', retireMissing: '1' });
    expect(whole.body.changes.retired).toEqual({
      count: 1,
      rows: [
        {
          line: null,
          code: 'K29.7',
          name: 'Viêm dạ dày, không đặc hiệu',
          previousName: 'Viêm dạ dày, không đặc hiệu',
          fields: [],
        },
      ],
    });
    expect(whole.body.changes.same).toBe(2);

    await importFile(server, file, { effectiveFrom: '2027-01-01', retireMissing: '1' });
    const [retired] = await server.database.query<{ body: { withdrawn: boolean; name: string } }>(
      `SELECT body FROM sync_documents WHERE collection = 'catalog' AND id = 'icd10:K29.7:2027-01-01'`,
    );
    expect(retired?.body).toMatchObject({ withdrawn: true, name: 'Viêm dạ dày, không đặc hiệu' });
    // Once retired, the code is no longer in force: nothing more to retire.
    const again = await importFile(server, file, { effectiveFrom: '2027-01-01', dryRun: '1', retireMissing: '1' });
    expect(again.body.changes.retired.count).toBe(0);
  });

  it('names the line and the reason of each bad row, and a dry run of the fixed file goes through', async () => {
    const bad = [HEADER, A09, '2,X,J09-J18,J18,J1X.9,Bad code,Mã sai,,', I10].join('\n');
    const refused = await importFile(server, bad, { effectiveFrom: '2027-01-01', dryRun: '1' });
    expect(refused.status).toBe(422);
    expect(refused.body.details?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'Mã loại', code: 'rule-violated', rule: 'category-mismatch' }),
      ]),
    );
    const fixed = await importFile(server, [HEADER, A09, J18, I10].join('\n'), {
      effectiveFrom: '2027-01-01',
      dryRun: '1',
    });
    expect(fixed.body.changes).toMatchObject({ added: { count: 1 }, same: 2 });
  });
});
