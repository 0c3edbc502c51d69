import {
  fillWithDefaultSettings,
  getPrimaryFieldOfPrimaryKey,
  normalizeMangoQuery,
  prepareQuery,
  type RxJsonSchema,
  type RxStorageInstance,
} from 'rxdb';
import { RX_LOCAL_DOCUMENT_SCHEMA } from 'rxdb/plugins/local-documents';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { patientRxSchema } from '../../renderer/db/collections';
import { DocumentCipher } from '../../renderer/db/document-cipher';
import { SEALED_FIELD, sealedFieldsOf, storedSchemaOf, wrappedSealedStorage } from '../../renderer/db/sealed-storage';

type Doc = Record<string, unknown>;

const schema = fillWithDefaultSettings<Doc>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    nameKey: { type: 'string', maxLength: 100 },
    givenName: { type: 'string' },
    address: { type: 'object', properties: { street: { type: 'string' } } },
  },
  required: ['id', 'nameKey', 'givenName'],
  indexes: ['nameKey'],
  encrypted: ['givenName', 'address'],
}) as unknown as RxJsonSchema<Doc>;

const META = { _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1000 } };

/** A cipher that counts its work: what a write or a read costs in AES-GCM operations. */
class CountingCipher extends DocumentCipher {
  seals = 0;
  opens = 0;
  override seal(value: unknown, context: string): Promise<string> {
    this.seals += 1;
    return super.seal(value, context);
  }
  override open(sealed: string, context: string): Promise<unknown> {
    this.opens += 1;
    return super.open(sealed, context);
  }
}

async function openSealed(collectionName = `c${crypto.randomUUID().slice(0, 8)}`, sealedSchema = schema) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const cipher = new CountingCipher(key);
  const storage = wrappedSealedStorage({ storage: getRxStorageMemory(), cipher });
  const instance = await storage.createStorageInstance<Doc>({
    databaseInstanceToken: 'token',
    databaseName: 'sealed-test',
    collectionName,
    schema: sealedSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  // What lies beneath the encryption: the storage as Dexie (or the disk) sees it.
  const stored = (instance as unknown as { originalStorageInstance: RxStorageInstance<Doc, unknown, unknown> })
    .originalStorageInstance;
  return { instance, stored, cipher };
}

describe('the storage that seals documents beneath RxDB', () => {
  const patient = { id: 'p1', nameKey: 'nguyen thi dao', givenName: 'Đào', address: { street: 'Số 5' }, ...META };

  it('stores the encrypted fields only as one sealed value, and reads them back', async () => {
    const { instance, stored } = await openSealed();
    expect((await instance.bulkWrite([{ document: patient }], 'test')).error).toEqual([]);

    const [raw] = await stored.findDocumentsById(['p1'], false);
    expect(raw).not.toHaveProperty('givenName');
    expect(raw).not.toHaveProperty('address');
    expect(raw).toMatchObject({ id: 'p1', nameKey: 'nguyen thi dao' });
    expect(JSON.stringify(raw)).not.toMatch(/Đào|Số 5/);
    expect(typeof raw?.[SEALED_FIELD]).toBe('string');

    expect(await instance.findDocumentsById(['p1'], false)).toEqual([patient]);
    await instance.close();
  });

  it('answers queries over the fields left in clear', async () => {
    const { instance } = await openSealed();
    await instance.bulkWrite([{ document: patient }], 'test');
    const query = normalizeMangoQuery<Doc>(schema, {
      selector: { _deleted: false, nameKey: { $gte: 'nguyen', $lt: 'nguyen\uffff' } },
    });
    const prepared = prepareQuery(schema, query);
    expect(prepared.queryPlan.index).toEqual(['_deleted', 'nameKey', 'id']);
    const result = await instance.query(prepared);
    expect(result.documents).toEqual([patient]);
    await instance.close();
  });

  it('keeps writing after a change listener leaves while an event is still being opened', async () => {
    // Replication subscribes to the change stream and unsubscribes when sync stops. RxDB's own
    // wrapper then counted that event as "being processed" forever, and every later write (and
    // database.close(), which waits for writes) hung.
    const { instance, stored } = await openSealed();
    const subscription = instance.changeStream().subscribe();
    // Leaves the moment the storage beneath emits: the sealed event is then still being opened.
    const leave = stored.changeStream().subscribe(() => subscription.unsubscribe());
    await instance.bulkWrite([{ document: patient }], 'test');
    leave.unsubscribe();
    const second = { ...patient, id: 'p2', _rev: '1-b' };
    const written = await Promise.race([
      instance.bulkWrite([{ document: second }], 'test').then(() => 'written'),
      new Promise((resolve) => setTimeout(resolve, 2000, 'hung')),
    ]);
    expect(written).toBe('written');
    await instance.close();
  });

  it('emits every change event in clear before the write resolves', async () => {
    const { instance } = await openSealed();
    const seen: unknown[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => seen.push(...bulk.events));
    await instance.bulkWrite([{ document: patient }], 'test');
    expect(seen).toMatchObject([{ operation: 'INSERT', documentId: 'p1', documentData: patient }]);
    subscription.unsubscribe();
    await instance.close();
  });

  it('seals each written state once and opens nothing to emit its own change events', async () => {
    // A first sync writes every document twice (the record and RxDB's replication copy): an
    // event opened again, or a `previous` sealed only to be compared by revision, doubled the cost.
    const { instance, cipher } = await openSealed();
    const seen: unknown[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => seen.push(...bulk.events));
    await instance.bulkWrite([{ document: patient }], 'test');
    const edited = { ...patient, givenName: 'Đào Mai', _rev: '2-b' };
    expect((await instance.bulkWrite([{ previous: patient, document: edited }], 'test')).error).toEqual([]);
    expect(seen).toMatchObject([
      { operation: 'INSERT', documentData: patient },
      { operation: 'UPDATE', documentData: edited, previousDocumentData: patient },
    ]);
    expect({ seals: cipher.seals, opens: cipher.opens }).toEqual({ seals: 2, opens: 0 });
    expect(await instance.findDocumentsById(['p1'], false)).toEqual([edited]);
    subscription.unsubscribe();
    await instance.close();
  });

  it('still refuses a write made on an old revision, with the stored state in clear', async () => {
    const { instance } = await openSealed();
    await instance.bulkWrite([{ document: patient }], 'test');
    const stale = { ...patient, _rev: '0-old' };
    const result = await instance.bulkWrite([{ previous: stale, document: { ...patient, _rev: '2-c' } }], 'test');
    expect(result.error).toMatchObject([{ status: 409, documentId: 'p1', documentInDb: patient }]);
    await instance.close();
  });

  it('refuses a document found in clear where everything is sealed', async () => {
    const { instance, stored } = await openSealed();
    await stored.bulkWrite([{ document: patient }], 'planted');
    await expect(instance.findDocumentsById(['p1'], false)).rejects.toThrow(/not encrypted/);
    await instance.close();
  });

  it("seals the whole content of RxDB's local documents (outbox, drafts, quarantine)", async () => {
    const { instance, stored } = await openSealed(
      'plugin-local-documents-',
      RX_LOCAL_DOCUMENT_SCHEMA as unknown as RxJsonSchema<Doc>,
    );
    const draft = { id: 'registration-draft', data: { form: { givenName: 'Đào' } }, ...META };
    await instance.bulkWrite([{ document: draft }], 'test');
    const [raw] = await stored.findDocumentsById(['registration-draft'], false);
    expect(raw).not.toHaveProperty('data');
    expect(await instance.findDocumentsById(['registration-draft'], false)).toEqual([draft]);
    await instance.close();
  });
});

describe('which fields are sealed', () => {
  it('is every patient field but the primary key and the indexed ones', () => {
    const indexed = (patientRxSchema.indexes ?? []).flat();
    const sealed = sealedFieldsOf(patientRxSchema as unknown as RxJsonSchema<Doc>);
    const all = Object.keys(patientRxSchema.properties);
    expect([...sealed, getPrimaryFieldOfPrimaryKey(patientRxSchema.primaryKey), ...indexed].sort()).toEqual(all.sort());
    expect(sealed).toEqual(expect.arrayContaining(['familyName', 'givenName', 'dateOfBirth', 'address', 'sex']));
  });

  it('refuses to seal what an index or the primary key needs to read', () => {
    expect(() => sealedFieldsOf({ ...schema, encrypted: ['nameKey'] })).toThrow(/cannot be sealed/);
    expect(() => sealedFieldsOf({ ...schema, encrypted: ['id'] })).toThrow(/cannot be sealed/);
    expect(() => sealedFieldsOf({ ...schema, encrypted: ['address.street'] })).toThrow(/cannot be sealed/);
  });

  it('describes to the storage beneath only what it stores', () => {
    const stored = storedSchemaOf(schema, ['givenName', 'address']);
    expect(Object.keys(stored.properties)).not.toContain('givenName');
    expect(stored.required).toContain(SEALED_FIELD);
    expect(stored.required).not.toContain('givenName');
    expect(stored.encrypted).toBeUndefined();
    expect(stored.indexes).toEqual(schema.indexes);
  });
});
