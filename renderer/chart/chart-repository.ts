import { asyncScheduler, combineLatest, map, throttleTime, type Observable } from 'rxjs';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { SenDatabase } from '../db/collections';
import type { ChartDocuments } from './chart-documents';

/**
 * A document's body as the UI sees it: the sync envelope stays in the database layer. The
 * stored data is read as is (no deep copy): the chart only reads it.
 */
function withoutEnvelope(stored: { syncMeta?: unknown }): object {
  const { syncMeta: _envelope, ...body } = stored;
  return body;
}

/** Sync writes a patient's history in bursts: the chart is rebuilt at most this often. */
const REFRESH_MS = 200;

/**
 * A patient's record as this PC holds it: three reads, each over a patient index (visits by
 * day, orders and observations by time), never one query per visit. The chart itself is
 * derived from them by pure functions (patient-chart.ts).
 */
export class ChartRepository {
  constructor(private readonly database: SenDatabase) {}

  /**
   * One patient's documents, or (a primary with the records merged into it at the province,
   * patient-aliases) those of every record of theirs on this PC, joined by patient id.
   */
  private queries(patientIds: string | readonly string[]) {
    const ids = typeof patientIds === 'string' ? [patientIds] : patientIds;
    const patientId = ids.length === 1 ? (ids[0] ?? '') : { $in: [...ids] };
    return {
      encounters: this.database.encounters.find({ selector: { patientId }, sort: [{ queueDate: 'asc' }] }),
      orders: this.database.orders.find({ selector: { patientId }, sort: [{ orderedAt: 'asc' }] }),
      observations: this.database.observations.find({ selector: { patientId }, sort: [{ recordedAt: 'asc' }] }),
    };
  }

  async load(patientIds: string | readonly string[]): Promise<ChartDocuments> {
    const queries = this.queries(patientIds);
    const [encounters, orders, observations] = await Promise.all([
      queries.encounters.exec(),
      queries.orders.exec(),
      queries.observations.exec(),
    ]);
    return {
      encounters: encounters.map((document) => withoutEnvelope(document.toJSON()) as EncounterDocument),
      orders: orders.map((document) => withoutEnvelope(document.toJSON()) as OrderDocument),
      observations: observations.map((document) => withoutEnvelope(document.toJSON()) as ObservationDocument),
    };
  }

  /** The patient's documents, again whenever one is written here or arrives by sync. */
  observe(patientIds: string | readonly string[]): Observable<ChartDocuments> {
    const queries = this.queries(patientIds);
    return combineLatest([queries.encounters.$, queries.orders.$, queries.observations.$]).pipe(
      throttleTime(REFRESH_MS, asyncScheduler, { leading: true, trailing: true }),
      map(([encounters, orders, observations]) => ({
        encounters: encounters.map((document) => withoutEnvelope(document.toJSON()) as EncounterDocument),
        orders: orders.map((document) => withoutEnvelope(document.toJSON()) as OrderDocument),
        observations: observations.map((document) => withoutEnvelope(document.toJSON()) as ObservationDocument),
      })),
    );
  }
}
