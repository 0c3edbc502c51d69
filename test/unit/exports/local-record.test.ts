import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { convert } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../../renderer/catalog/catalog-repository';
import { withNameYearKey, type SenDatabase } from '../../../renderer/db/collections';
import { createSenDatabase } from '../../../renderer/db/create-database';
import { ExportsRepository } from '../../../renderer/exports/exports-repository';
import { patientBundle } from '../../../shared/exports/fhir/fhir-bundle';
import type { PatientRecord } from '../../../shared/exports/patient-record';
import { episodeFile, exportEpisode } from '../../../shared/exports/xml130/xml130-export';
import { fromBase64 } from '../../../shared/encoding/base64';
import { UNSIGNED_SYNC_META } from '../../../shared/sync/sync-meta';
import { GLUCOSE as GLUCOSE_DETAILS, catalogEntryFixture } from '../../helpers/catalog-fixtures';
import { GLUCOSE } from '../../helpers/clinical-history';
import { EXPORT_CONTEXT, exportPatient, stayRecord, visitRecord } from '../../helpers/export-records';
import { TEST_DATABASE_KEY } from '../../helpers/test-client';
import { xmllintProblems } from '../../helpers/xmllint';

const MADE_AT = new Date('2026-12-02T11:00:00.000Z');
const FHIR_BASE = 'https://so-y-te.example/fhir/R4';

function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('the fixture has none');
  return item;
}

/** Writes a record into the PC's collections as sync would: each document with its envelope. */
async function store(database: SenDatabase, record: PatientRecord): Promise<void> {
  const stored = <T extends object>(documents: readonly T[]) =>
    documents.map((document) => ({ ...document, syncMeta: UNSIGNED_SYNC_META }));
  const patient = withNameYearKey(record.patient);
  await database.patients.insert({ ...patient, nameYearKey: patient.nameYearKey ?? '', syncMeta: UNSIGNED_SYNC_META });
  await database.encounters.bulkInsert(stored(record.encounters));
  await database.orders.bulkInsert(stored(record.orders));
  await database.observations.bulkInsert(stored(record.observations));
  await database.notes.bulkInsert(stored(record.notes));
  await database.referrals.bulkInsert(stored(record.referrals));
}

/** A record in a comparable order: the mapping owes the documents, not the order they are read in. */
function sorted(record: PatientRecord): PatientRecord {
  const byId = <T extends { id: string }>(documents: readonly T[]) =>
    [...documents].sort((a, b) => a.id.localeCompare(b.id));
  return {
    patient: record.patient,
    encounters: byId(record.encounters),
    orders: byId(record.orders),
    observations: byId(record.observations),
    notes: byId(record.notes),
    referrals: byId(record.referrals),
  };
}

/** Every file inside a GIAMDINHHS envelope, decoded. */
function filesIn(envelope: string): string[] {
  return [...envelope.matchAll(/<NOIDUNGFILE>([^<]*)<\/NOIDUNGFILE>/g)].map((match) =>
    new TextDecoder().decode(fromBase64(match[1] ?? '')),
  );
}

describe('exports made on a PC from its own collections', () => {
  let database: SenDatabase;
  let catalog: CatalogRepository;
  let exports: ExportsRepository;
  // Codes with leading zeros and names with diacritics, as a clerk types them.
  const visitPatient = exportPatient({ cccd: '001190012345', ethnicityCode: '01' });
  const stayPatient = exportPatient({ familyName: 'Đặng', middleName: 'Văn', givenName: 'Ước', cccd: '002085000123' });
  const incompletePatient = exportPatient({ familyName: 'Lò', middleName: 'Thị', givenName: 'Ơn' });
  const visit = visitRecord(visitPatient);
  const stay = stayRecord(stayPatient);
  const incompleteBase = visitRecord(incompletePatient);
  const incomplete: PatientRecord = {
    ...incompleteBase,
    encounters: incompleteBase.encounters.map((encounter) => ({ ...encounter, diagnoses: [], disposition: 'home' })),
    referrals: [],
  };

  beforeAll(async () => {
    database = await createSenDatabase({
      name: `exports-${randomUUID()}`,
      databaseKey: TEST_DATABASE_KEY,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      validate: (storage) => wrappedValidateAjvStorage({ storage }),
      withoutConflicts: true,
    });
    await database.catalog.insert({
      ...catalogEntryFixture('lab-test', GLUCOSE.code, GLUCOSE.name, GLUCOSE_DETAILS),
      syncMeta: UNSIGNED_SYNC_META,
    });
    for (const record of [visit, stay, incomplete]) await store(database, record);
    catalog = new CatalogRepository(database, () => '2026-12-02');
    exports = new ExportsRepository(database, catalog, EXPORT_CONTEXT.facility, FHIR_BASE, () => MADE_AT);
  });

  afterAll(async () => {
    catalog.close();
    await database.close();
  });

  it('reads back exactly the record that was stored: every document, every value', async () => {
    for (const record of [visit, stay]) {
      const local = await exports.patientRecord(record.patient.id);
      expect(local && sorted(local)).toEqual(sorted(record));
    }
    expect(await exports.patientRecord(randomUUID())).toBeNull();
  });

  it('takes the LOINC mapping from the local lab catalog', async () => {
    const context = await exports.context();
    expect(context.facility).toEqual(EXPORT_CONTEXT.facility);
    expect(context.loincOf(GLUCOSE.code)).toBe('14749-6');
    expect(context.loincOf('SEN-XN-999')).toBe('');
  });

  it('makes the same claim file the province makes of the same record, with the same MA_LK each time', async () => {
    const encounter = first(visit.encounters);
    const once = await exports.episodeClaim(encounter.id);
    const again = await exports.episodeClaim(encounter.id);
    if (!once.ok) throw new Error(JSON.stringify(once.missing));
    expect(once.episodeKey).toBe(encounter.episodeKey);
    expect(again).toEqual(once);
    const province = exportEpisode(visit, encounter.id, await exports.context(), { insured: true });
    if (!province.ok) throw new Error('the fixture is complete');
    const expected = episodeFile(
      EXPORT_CONTEXT.facility.code,
      MADE_AT.toISOString(),
      province.tables,
      province.episodeKey,
    );
    expect(once.file).toEqual({
      fileName: expected.fileName,
      mimeType: 'application/xml;charset=utf-8',
      content: expected.xml,
    });
    expect(await xmllintProblems(once.file.content, 'GIAMDINHHS')).toBe('');

    const [xml1] = filesIn(once.file.content);
    for (const value of [
      `<MA_LK>${encounter.episodeKey}</MA_LK>`,
      '<HO_TEN>Nguyễn Thị Ánh Tuyết</HO_TEN>',
      '<SO_CCCD>001190012345</SO_CCCD>',
      '<MA_BENH_CHINH>I10</MA_BENH_CHINH>',
      '<MA_BENH_KT>E11.9</MA_BENH_KT>',
      '<NGAY_VAO>202612020805</NGAY_VAO>',
      '<NGAY_RA>202612020947</NGAY_RA>',
      `<MA_DANTOC>01</MA_DANTOC>`,
    ])
      expect(xml1).toContain(value);
  });

  it('makes a discharged stay’s claim with its discharge paper, times in Vietnam time', async () => {
    const encounter = first(stay.encounters);
    const claim = await exports.episodeClaim(encounter.id);
    if (!claim.ok) throw new Error(JSON.stringify(claim.missing));
    const files = filesIn(claim.file.content);
    const all = files.join('\n');
    for (const value of [
      '<HO_TEN>Đặng Văn Ước</HO_TEN>',
      '<SO_CCCD>002085000123</SO_CCCD>',
      '<MA_BENH_CHINH>J18.9</MA_BENH_CHINH>',
      '<NGAY_VAO>202611281015</NGAY_VAO>',
      '<NGAY_RA>202612021630</NGAY_RA>',
      'Kháng sinh đường tĩnh mạch 5 ngày, hạ sốt',
      'Sốt 39 °C, ran nổ đáy phổi phải',
    ])
      expect(all).toContain(value);
    expect(files.some((file) => file.includes('CHI_TIEU_DU_LIEU_GIAY_RA_VIEN'))).toBe(true);
  });

  it('refuses an incomplete visit whole, saying in Vietnamese what to complete', async () => {
    const claim = await exports.episodeClaim(first(incomplete.encounters).id);
    expect(claim.ok).toBe(false);
    if (claim.ok) return;
    expect(claim.patientId).toBe(incompletePatient.id);
    expect(claim.missing).toEqual([{ field: 'MA_BENH_CHINH', message: 'Chưa có chẩn đoán chính (mã ICD-10).' }]);
  });

  it('lists the day’s closed episodes, puts the ready ones in one file and the incomplete one beside it', async () => {
    const day = await exports.dayClaims('2026-12-02');
    expect(day.episodes.map((episode) => [episode.patientName, episode.missing.map((item) => item.field)])).toEqual([
      ['Nguyễn Thị Ánh Tuyết', []],
      ['Lò Thị Ơn', ['MA_BENH_CHINH']],
      ['Đặng Văn Ước', []],
    ]);
    const file = day.file;
    if (!file) throw new Error('two episodes are ready');
    expect(file.fileName).toBe(`XML130_${EXPORT_CONTEXT.facility.code}_20261202.xml`);
    expect(await xmllintProblems(file.content, 'GIAMDINHHS')).toBe('');
    const keys = filesIn(file.content).flatMap((xml) => [...xml.matchAll(/<MA_LK>([^<]*)<\/MA_LK>/g)].map((m) => m[1]));
    expect(new Set(keys)).toEqual(new Set([first(visit.encounters).episodeKey, first(stay.encounters).episodeKey]));
    expect((await exports.dayClaims('2026-12-01')).episodes).toEqual([]);
  });

  it('exports the whole record as HoSoBenhAn (JSON and XML) and FHIR, as the province would', async () => {
    const fhir = await exports.recordFile(stayPatient.id, 'fhir');
    expect(fhir && JSON.parse(fhir.content)).toEqual(
      patientBundle(stay, await exports.context(), FHIR_BASE, MADE_AT.toISOString()),
    );
    const json = await exports.recordFile(stayPatient.id, 'hosobenhan-json');
    expect(json?.fileName).toBe(`HoSoBenhAn_${stayPatient.patientCode}_20261202.json`);
    expect(json?.content).toContain('Viêm phổi, không đặc hiệu');
    const xml = await exports.recordFile(stayPatient.id, 'hosobenhan-xml');
    expect(Object.keys(convert(xml?.content ?? '<x/>', { format: 'object' }) as object)).toEqual(['HoSoBenhAn']);
    expect(xml?.content).toContain('Đặng');
  });
});
