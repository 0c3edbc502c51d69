import { z } from 'zod';
import type { SyncedCollection } from '../../shared/sync/collections';
import { facilityScope } from '../../shared/sync/scopes';
import { PUSH_BATCH_MAX, type SyncedDocument } from '../../shared/sync/protocol';
import { syncMetaSchema, type SyncMeta } from '../../shared/sync/sync-meta';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/** A push row with the envelope taken off both states; the pushed version's envelope in `meta`. */
export interface ParsedPushRow {
  assumedMasterState?: State | null | undefined;
  newDocumentState: State;
  meta: SyncMeta;
}

const documentStateSchema = z.looseObject({ _deleted: z.boolean() });
const pushBodySchema = z
  .array(
    z
      .object({
        assumedMasterState: documentStateSchema.nullish(),
        newDocumentState: documentStateSchema,
      })
      .strict(),
  )
  .max(PUSH_BATCH_MAX);

/**
 * Validates a push body completely before anything is written: the shape, every new document
 * state against the collection's schema and rules, and the facility scope. The sync envelope
 * (`syncMeta`) is split off before the body is validated: it is never stored in the body.
 */
export function parsePushRows(
  body: unknown,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
): ParsedPushRow[] {
  const rows = pushBodySchema.parse(body).map(splitEnvelope);
  const ids = new Set<unknown>();
  for (const row of rows) {
    const { _deleted: _ignored, ...document } = row.newDocumentState;
    const id = typeof document.id === 'string' ? document.id : undefined;
    // Two states of one document in one batch: which is meant cannot be told.
    if (ids.has(document.id)) throw new HttpError(400, 'invalid-request', 'The batch holds a document twice.', { id });
    ids.add(document.id);
    const unstorable = unstorableTextField(row);
    if (unstorable !== null) {
      throw new HttpError(422, 'invalid-document', 'A document holds text the database cannot store.', {
        id,
        problems: [{ field: unstorable, code: 'text-unstorable' }],
      });
    }
    const parsed = collection.schema.safeParse(document);
    if (!parsed.success) {
      throw new HttpError(422, 'invalid-document', 'A document does not match its schema.', {
        id,
        issues: parsed.error.issues,
      });
    }
    const problems = collection.problems(parsed.data);
    if (problems.length > 0) {
      throw new HttpError(422, 'invalid-document', 'A document breaks a validation rule.', { id, problems });
    }
    if (!collection.scopes(parsed.data).includes(facilityScope(device.facilityCode))) {
      throw new HttpError(403, 'out-of-scope', 'A document belongs to another facility.', { id });
    }
  }
  return rows;
}

function splitEnvelope(row: { assumedMasterState?: State | null | undefined; newDocumentState: State }): ParsedPushRow {
  const pushed = row.newDocumentState;
  const meta = syncMetaSchema.safeParse(pushed.syncMeta);
  if (!meta.success) {
    const id = typeof pushed.id === 'string' ? pushed.id : undefined;
    throw new HttpError(422, 'invalid-document', 'A document carries no valid sync envelope.', {
      id,
      issues: meta.error.issues,
    });
  }
  const assumed = row.assumedMasterState;
  return {
    ...(assumed === undefined ? {} : { assumedMasterState: assumed && withoutEnvelope(assumed) }),
    newDocumentState: withoutEnvelope(pushed),
    meta: meta.data,
  };
}

function withoutEnvelope(state: State): State {
  const { syncMeta: _envelope, ...body } = state;
  return body;
}

/**
 * The first field (top-level name) holding text PostgreSQL cannot store: a NUL character, or
 * half of a UTF-16 surrogate pair (JSON can carry both; text and jsonb columns refuse them).
 */
function unstorableTextField(row: {
  assumedMasterState?: unknown;
  newDocumentState: Record<string, unknown>;
}): string | null {
  for (const [field, value] of Object.entries(row.newDocumentState)) if (holdsUnstorableText(value)) return field;
  return holdsUnstorableText(row.assumedMasterState) ? 'assumedMasterState' : null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, entry]) => holdsUnstorableText(key) || holdsUnstorableText(entry));
  }
  return false;
}
