import { v7 as uuidv7 } from 'uuid';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import {
  HISTORY_PATH,
  type ForeignCollection,
  type ForeignRecord,
  type HistoryRequest,
  type HistoryResponse,
} from '../../shared/history/history-request';
import { signHistoryRequest } from '../../shared/history/sign-history-request';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import type { SenDatabase } from '../db/collections';
import { listLocalState, writeLocalState } from '../db/local-state';
import type { ChartDocuments } from '../chart/chart-documents';
import { requestJson, SyncNetworkError, SyncRequestError } from '../sync/sync-http';
import type { EarlierResult } from '../orders/repeat-window';

/** A record of another facility kept on this PC, under the local patient it was fetched for. */
export interface KeptForeignRecord extends ForeignRecord {
  /** This PC's clock when it was fetched */
  fetchedAt: string;
}

export interface LookupInput {
  purpose: string;
  /** Break-glass: the patient need not be at this facility; `reason` is required. */
  emergency: boolean;
  reason: string;
}

export type LookupResult =
  | { ok: true; count: number }
  | {
      ok: false;
      problem:
        | 'no-identifier'
        | 'purpose-required'
        | 'reason-required'
        | 'offline'
        | 'patient-not-here'
        | 'not-permitted'
        | 'rate-limited'
        | 'failed';
    };

/** The foreign records of one patient, in the shapes the chart and the repeat warning read. */
export interface ForeignHistory {
  documents: ChartDocuments;
  /** Facility names by code, for the facilities these records come from */
  facilities: ReadonlyMap<string, string>;
  fetchedAt: string | null;
}

const PREFIX = 'foreign:';
const keyOf = (patientId: string, collection: ForeignCollection, id: string): string =>
  `${PREFIX}${patientId}:${collection}:${id}`;

/**
 * The patient's records at the province's other facilities: asked of the province online (the
 * request signed by the logged-in clinician, see server/history), then kept on this PC as local
 * documents, sealed at rest like every record and never synced back, so that they stay readable
 * offline. Keyed by the local patient's id (never the CCCD: keys are stored in clear).
 */
export class ForeignHistoryRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly device: { serverUrl: string; token: string },
    private readonly signer: () => DocumentSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async lookUp(patient: PatientDocument, input: LookupInput): Promise<LookupResult> {
    if (patient.cccd === '' && patient.bhyt === '') return { ok: false, problem: 'no-identifier' };
    const purpose = input.purpose.normalize('NFC').trim();
    const reason = input.emergency ? input.reason.normalize('NFC').trim() : '';
    if (purpose === '') return { ok: false, problem: 'purpose-required' };
    if (input.emergency && reason === '') return { ok: false, problem: 'reason-required' };
    const signer = this.signer();
    const request: HistoryRequest = {
      id: uuidv7(),
      staffId: signer.signer,
      at: this.now().toISOString(),
      cccd: patient.cccd,
      bhyt: patient.bhyt,
      purpose: purpose.slice(0, 500),
      emergency: input.emergency,
      reason: reason.slice(0, 500),
    };
    let response: HistoryResponse;
    try {
      response = await requestJson<HistoryResponse>(new URL(HISTORY_PATH, this.device.serverUrl), {
        method: 'POST',
        credential: this.device.token,
        body: await signHistoryRequest(request, signer),
      });
    } catch (error) {
      return { ok: false, problem: problemOf(error) };
    }
    const fetchedAt = this.now().toISOString();
    for (const record of response.records) {
      const kept: KeptForeignRecord = { ...record, fetchedAt };
      await writeLocalState(this.database, keyOf(patient.id, record.collection, record.document.id), kept);
    }
    return { ok: true, count: response.records.length };
  }

  /** What this PC keeps of the patient's records elsewhere (nothing before a first lookup). */
  async history(patientId: string): Promise<ForeignHistory> {
    const kept = (await listLocalState(this.database, `${PREFIX}${patientId}:`)).map(
      (entry) => entry.data as KeptForeignRecord,
    );
    const of = <T>(collection: ForeignCollection): T[] =>
      kept.filter((record) => record.collection === collection).map((record) => record.document as T);
    return {
      documents: {
        encounters: of<EncounterDocument>('encounters'),
        orders: of<OrderDocument>('orders'),
        observations: of<ObservationDocument>('observations'),
      },
      facilities: new Map(kept.map((record) => [record.facilityCode, record.facilityName])),
      fetchedAt: kept.reduce<string | null>(
        (latest, record) => (latest === null || record.fetchedAt > latest ? record.fetchedAt : latest),
        null,
      ),
    };
  }

  /** The patient's lab results at other facilities, for the repeat-test warning. */
  async results(patientId: string): Promise<EarlierResult[]> {
    const { documents, facilities } = await this.history(patientId);
    return documents.observations.flatMap(({ id, lab, recordedAt, facilityCode }) =>
      lab
        ? [
            {
              observationId: id,
              code: lab.testCode,
              value: lab.value,
              unit: lab.unit,
              flag: lab.flag,
              recordedAt,
              facility: { code: facilityCode, name: facilities.get(facilityCode) ?? facilityCode },
            },
          ]
        : [],
    );
  }
}

function problemOf(error: unknown): Exclude<LookupResult, { ok: true }>['problem'] {
  if (error instanceof SyncNetworkError) return 'offline';
  if (error instanceof SyncRequestError) {
    if (error.code === 'rate-limited') return 'rate-limited';
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    if (reason === 'patient-not-here') return 'patient-not-here';
    if (error.code === 'forbidden') return 'not-permitted';
  }
  return 'failed';
}
