import { z } from 'zod';
import type { SyncedCollection } from '../../shared/sync/collections';
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
  for (const row of rows) {
    const { _deleted: _ignored, ...document } = row.newDocumentState;
    const parsed = collection.schema.safeParse(document);
    const id = typeof document.id === 'string' ? document.id : undefined;
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
    if (parsed.data[collection.facilityField] !== device.facilityCode) {
      throw new HttpError(403, 'out-of-scope', 'A document belongs to another facility.', { id });
    }
  }
  return rows;
}
