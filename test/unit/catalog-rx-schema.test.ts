import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { rxSchemaFromZod } from '../../renderer/db/rx-schema-from-zod';
import { CATALOG_INDEXES, catalogEntrySchema } from '../../shared/catalog/catalog-entry';

describe('the catalog RxDB schema derived from the zod schema', () => {
  it("passes RxDB's dev-mode schema check with the compound indexes", () => {
    const schema = rxSchemaFromZod(catalogEntrySchema, { version: 0, primaryKey: 'id', indexes: [] });
    const indexed = { ...schema, indexes: CATALOG_INDEXES.map((index) => [...index]) };
    expect(() => {
      checkSchema(indexed);
    }).not.toThrow();
    expect(indexed.required).toEqual(expect.arrayContaining(['id', 'kind', 'code', 'searchKey']));
  });
});
