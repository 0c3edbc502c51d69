import type { ExportContext, PatientRecord } from '../patient-record';
import { missingClaimFields, type ClaimOptions, type MissingField } from './xml130-completeness';
import { episodeOf } from './xml130-episode';
import { xml1Row, xml2Rows, xml3Rows, xml4Rows, xml5Rows, xml7Row, xml13Row } from './xml130-rows';
import { vietnamDay, xml130Time } from './xml130-time';
import { writeEnvelope, writeTable, type Xml130Table } from './xml130-writer';

export type EpisodeExport =
  | { ok: true; encounterId: string; episodeKey: string; tables: Xml130Table[] }
  | { ok: false; encounterId: string; episodeKey: string; missing: MissingField[] };

/**
 * The claim tables of one closed episode, or the list of what to complete: never part of them.
 * XML1 always; XML2 with drugs, XML3 with services, XML4 with results; XML5 and XML7 for a stay;
 * XML13 when the patient was referred.
 */
export function exportEpisode(
  record: PatientRecord,
  encounterId: string,
  context: ExportContext,
  options: ClaimOptions,
): EpisodeExport {
  const encounter = record.encounters.find((candidate) => candidate.id === encounterId);
  if (!encounter) {
    return {
      ok: false,
      encounterId,
      episodeKey: '',
      missing: [{ field: 'MA_LK', message: 'Không tìm thấy lượt khám này trong hồ sơ người bệnh.' }],
    };
  }
  const episode = episodeOf(record, encounter);
  const missing = missingClaimFields(episode, options);
  if (missing.length > 0) return { ok: false, encounterId, episodeKey: encounter.episodeKey, missing };

  const tables = [writeTable('XML1', [xml1Row(episode, context)])];
  const drugs = xml2Rows(episode);
  if (drugs.length > 0) tables.push(writeTable('XML2', drugs));
  const services = xml3Rows(episode);
  if (services.length > 0) tables.push(writeTable('XML3', services));
  const results = xml4Rows(episode);
  if (results.length > 0) tables.push(writeTable('XML4', results));
  if (episode.isStay) {
    const progress = xml5Rows(episode);
    if (progress.length > 0) tables.push(writeTable('XML5', progress));
    const discharge = xml7Row(episode, context);
    if (discharge) tables.push(writeTable('XML7', [discharge]));
  }
  const referral = xml13Row(episode);
  if (referral) tables.push(writeTable('XML13', [referral]));
  return { ok: true, encounterId, episodeKey: encounter.episodeKey, tables };
}

/** The file of one episode: its envelope, named after the facility and the episode key. */
export function episodeFile(facilityCode: string, madeAt: string, tables: readonly Xml130Table[], episodeKey: string) {
  return {
    fileName: `XML130_${facilityCode}_${episodeKey.replace(/[^0-9A-Za-z_-]/g, '_')}.xml`,
    xml: writeEnvelope(facilityCode, xml130Time(madeAt).slice(0, 8), [{ tables }]),
  };
}

export interface DayExport {
  fileName: string;
  /** The envelope of every complete episode; null when none of the day's episodes could be exported. */
  xml: string | null;
  exported: { encounterId: string; episodeKey: string }[];
  refused: { encounterId: string; episodeKey: string; missing: MissingField[] }[];
}

/**
 * A facility's closed episodes of a day (the day they ended, Vietnam time) as one file: the
 * complete ones in it, each incomplete one listed with what to complete and left out whole.
 */
export function exportDay(
  records: readonly PatientRecord[],
  day: string,
  context: ExportContext,
  options: ClaimOptions,
  madeAt: string,
): DayExport {
  const day130 = day.replaceAll('-', '');
  const result: DayExport = {
    fileName: `XML130_${context.facility.code}_${day130}.xml`,
    xml: null,
    exported: [],
    refused: [],
  };
  const episodes: { tables: Xml130Table[] }[] = [];
  for (const record of records) {
    for (const encounter of record.encounters) {
      if (encounter.facilityCode !== context.facility.code || encounter.status !== 'finished') continue;
      if (vietnamDay(episodeOf(record, encounter).endedAt) !== day) continue;
      const exported = exportEpisode(record, encounter.id, context, options);
      if (exported.ok) {
        episodes.push({ tables: exported.tables });
        result.exported.push({ encounterId: exported.encounterId, episodeKey: exported.episodeKey });
      } else {
        result.refused.push({
          encounterId: exported.encounterId,
          episodeKey: exported.episodeKey,
          missing: exported.missing,
        });
      }
    }
  }
  if (episodes.length > 0) result.xml = writeEnvelope(context.facility.code, xml130Time(madeAt).slice(0, 8), episodes);
  return result;
}
