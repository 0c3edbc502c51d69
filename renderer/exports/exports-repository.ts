import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { patientBundle } from '../../shared/exports/fhir/fhir-bundle';
import { hoSoBenhAn } from '../../shared/exports/hosobenhan/hosobenhan';
import { hoSoBenhAnXml } from '../../shared/exports/hosobenhan/hosobenhan-xml';
import type { ExportContext, PatientRecord } from '../../shared/exports/patient-record';
import {
  exportContextOf,
  patientRecordOf,
  RECORD_COLLECTIONS,
  type CollectionDocument,
} from '../../shared/exports/record-from-documents';
import type { ClaimOptions, MissingField } from '../../shared/exports/xml130/xml130-completeness';
import { episodeOf } from '../../shared/exports/xml130/xml130-episode';
import { episodeFile, exportDay, exportEpisode } from '../../shared/exports/xml130/xml130-export';
import { vietnamDay } from '../../shared/exports/xml130/xml130-time';
import { withoutSyncMeta } from '../../shared/sync/sync-meta';
import { fullName } from '../app/format';
import type { CatalogRepository } from '../catalog/catalog-repository';
import type { SenDatabase } from '../db/collections';

/** A file made on this PC, ready to be saved. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** One episode's claim: its file, or what to complete first (nothing of it is exported then). */
export type EpisodeClaim =
  | { ok: true; episodeKey: string; file: ExportFile }
  | { ok: false; episodeKey: string; patientId: string; missing: MissingField[] };

/** A closed episode of the day as the batch lists it. */
export interface DayEpisode {
  encounterId: string;
  episodeKey: string;
  kind: EncounterDocument['kind'];
  patientId: string;
  patientCode: string;
  patientName: string;
  endedAt: string;
  /** Empty when the episode is in the day's file. */
  missing: MissingField[];
}

/** A day's batch: one file with every ready episode (null when none is), and each episode's state. */
export interface DayClaims {
  file: ExportFile | null;
  episodes: DayEpisode[];
}

export type RecordFormat = 'hosobenhan-json' | 'hosobenhan-xml' | 'fhir';

/** An insurance claim states the card; Sen's client claims are insurance claims. */
const INSURED: ClaimOptions = { insured: true };
const XML = 'application/xml;charset=utf-8';
const DAY_MS = 86_400_000;

/**
 * The record leaving this PC, offline: a patient's record read from the local collections and
 * handed to shared/exports, which the province uses too — the same claim rules, tables and
 * files, whichever side makes them.
 */
export class ExportsRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly catalog: Pick<CatalogRepository, 'all'>,
    private readonly facility: ExportContext['facility'],
    /** The province's FHIR base, which names the Bundle's entries as `$everything` would. */
    private readonly fhirBase: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every document of the patient's record this PC holds, or null when it holds no such patient. */
  async patientRecord(patientId: string): Promise<PatientRecord | null> {
    const patient = await this.database.patients.findOne(patientId).exec();
    if (!patient) return null;
    const documents: CollectionDocument[] = [];
    for (const collection of RECORD_COLLECTIONS) {
      const found = await this.database[collection].find({ selector: { patientId } }).exec();
      for (const document of found) documents.push({ collection, body: withoutSyncMeta(document.toJSON()) });
    }
    return patientRecordOf(withoutSyncMeta(patient.toMutableJSON()), documents);
  }

  /** The facility, the lab catalog's LOINC mapping and the staff's names as this PC holds them. */
  async context(): Promise<ExportContext> {
    const [labTests, staff] = await Promise.all([this.catalog.all('lab-test'), this.database.staff.find().exec()]);
    return exportContextOf(
      this.facility,
      labTests.map((test) => ({ code: test.code, loinc: test.details.loinc })),
      staff.map((member) => ({ id: member.id, name: member.displayName })),
    );
  }

  /** The claim file of one closed visit or stay (the same MA_LK however often it is made). */
  async episodeClaim(encounterId: string): Promise<EpisodeClaim> {
    const encounter = await this.database.encounters.findOne(encounterId).exec();
    const record = encounter ? await this.patientRecord(encounter.patientId) : null;
    if (!encounter || !record) {
      return {
        ok: false,
        episodeKey: '',
        patientId: '',
        missing: [{ field: 'MA_LK', message: 'Không tìm thấy lượt khám này trên máy.' }],
      };
    }
    const exported = exportEpisode(record, encounterId, await this.context(), INSURED);
    if (!exported.ok)
      return { ok: false, episodeKey: exported.episodeKey, patientId: record.patient.id, missing: exported.missing };
    const file = episodeFile(this.facility.code, this.now().toISOString(), exported.tables, exported.episodeKey);
    return {
      ok: true,
      episodeKey: exported.episodeKey,
      file: { fileName: file.fileName, mimeType: XML, content: file.xml },
    };
  }

  /**
   * The facility's visits and stays closed on `day` (Vietnam time): the ready ones in one
   * GIAMDINHHS file, each incomplete one listed with what it lacks and left out whole.
   */
  async dayClaims(day: string): Promise<DayClaims> {
    const records = await this.recordsFinishedAround(day);
    const exported = exportDay(records, day, await this.context(), INSURED, this.now().toISOString());
    const missingOf = new Map(exported.refused.map((refused) => [refused.encounterId, refused.missing]));
    const episodes: DayEpisode[] = [];
    for (const record of records) {
      for (const encounter of record.encounters) {
        const missing = missingOf.get(encounter.id);
        const ready = exported.exported.some((episode) => episode.encounterId === encounter.id);
        if (!missing && !ready) continue;
        episodes.push({
          encounterId: encounter.id,
          episodeKey: encounter.episodeKey,
          kind: encounter.kind,
          patientId: record.patient.id,
          patientCode: record.patient.patientCode,
          patientName: fullName(record.patient),
          endedAt: episodeOf(record, encounter).endedAt,
          missing: missing ?? [],
        });
      }
    }
    episodes.sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    const file = exported.xml === null ? null : { fileName: exported.fileName, mimeType: XML, content: exported.xml };
    return { file, episodes };
  }

  /** The whole record of one patient as HoSoBenhAn (JSON or XML) or a FHIR R4 Bundle. */
  async recordFile(patientId: string, format: RecordFormat): Promise<ExportFile | null> {
    const record = await this.patientRecord(patientId);
    if (!record) return null;
    const at = this.now().toISOString();
    const stem = `${record.patient.patientCode}_${vietnamDay(at).replaceAll('-', '')}`;
    if (format === 'fhir') {
      const bundle = patientBundle(record, await this.context(), this.fhirBase, at);
      return {
        fileName: `FHIR_${stem}.json`,
        mimeType: 'application/fhir+json;charset=utf-8',
        content: JSON.stringify(bundle, null, 2),
      };
    }
    const document = hoSoBenhAn(record, { facility: this.facility }, at);
    return format === 'hosobenhan-xml'
      ? { fileName: `HoSoBenhAn_${stem}.xml`, mimeType: XML, content: hoSoBenhAnXml(document) }
      : {
          fileName: `HoSoBenhAn_${stem}.json`,
          mimeType: 'application/json;charset=utf-8',
          content: JSON.stringify(document, null, 2),
        };
  }

  /**
   * The records of the patients with a visit or stay of this facility finished within a day
   * either side of `day` (a device clock's day and Vietnam's may differ); exportDay keeps those
   * that ended on the day itself. The finish time is sealed, so the encounters are read whole.
   */
  private async recordsFinishedAround(day: string): Promise<PatientRecord[]> {
    const start = Date.parse(`${day}T00:00:00Z`);
    const from = new Date(start - DAY_MS).toISOString();
    const to = new Date(start + 2 * DAY_MS).toISOString();
    // Sealed fields cannot be selected on: every encounter is read, and filtered once decrypted.
    const encounters = await this.database.encounters.find().exec();
    const patientIds = new Set(
      encounters
        .filter(
          (encounter) =>
            encounter.facilityCode === this.facility.code &&
            encounter.status === 'finished' &&
            encounter.finishedAt >= from &&
            encounter.finishedAt < to,
        )
        .map((encounter) => encounter.patientId),
    );
    const records: PatientRecord[] = [];
    for (const patientId of patientIds) {
      const record = await this.patientRecord(patientId);
      if (record) records.push(record);
    }
    return records;
  }
}
