import { z } from 'zod';
import type { SyncedCollection } from '../../shared/sync/collections';
import { facilityScope } from '../../shared/sync/scopes';
import { PUSH_BATCH_MAX, type PushRow } from '../../shared/sync/protocol';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;

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
 * state against the collection's schema and rules, and the facility scope.
 */
export function parsePushRows(
  body: unknown,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
): PushRow<Body>[] {
  const rows = pushBodySchema.parse(body);
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
