import type { SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { changesSignedContent } from '../../shared/clinical/signed-document';
import { facilityScope } from '../../shared/sync/scopes';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

function bodyOf(state: State): Body {
  const { _deleted: _ignored, ...body } = state;
  return body;
}

/**
 * Where a device may write (docs/decisions/0002-scope-model.md): only documents addressed to its
 * facility, a new one only in its home facility, and never to other addresses than the master's.
 */
export function refuseOutOfScope(
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  master: State | undefined,
  pushed: State,
): void {
  const own = facilityScope(device.facilityCode);
  const id = pushed.id;
  if (!master) {
    if (collection.scopes(bodyOf(pushed))[0] !== own)
      throw new HttpError(403, 'out-of-scope', 'A document is created only by the facility it belongs to.', { id });
    return;
  }
  const masterScopes = collection.scopes(bodyOf(master));
  if (!masterScopes.includes(own))
    throw new HttpError(403, 'out-of-scope', `Document ${String(id)} belongs to another facility.`, { id });
  const pushedScopes = collection.scopes(bodyOf(pushed));
  if (pushedScopes.join('\n') !== masterScopes.join('\n'))
    throw new HttpError(403, 'out-of-scope', 'A document cannot be readdressed.', { id, reason: 'scope-changed' });
}

/**
 * A facility changes only the fields it owns (a receiver accepts a referral; it does not rewrite
 * the sender's summary). Judged against the state the device edited, so a field the master
 * changed meanwhile is not taken for the device's change.
 */
export function refuseFieldsNotOwned(
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  base: State | null | undefined,
  pushed: State,
): void {
  if (!collection.ownedFields || !base) return;
  const owned = collection.ownedFields(bodyOf(base), device.facilityCode);
  if (owned === 'all') return;
  const fields = new Set([...Object.keys(base), ...Object.keys(pushed)]);
  for (const field of fields) {
    if (owned.includes(field)) continue;
    if (sameDocumentState({ value: base[field] ?? null }, { value: pushed[field] ?? null })) continue;
    throw new HttpError(403, 'forbidden', `The facility may not change ${field}.`, {
      id: pushed.id,
      reason: 'field-not-owned',
      field,
    });
  }
}

/** A signed document never changes; an amendment is a new document that names it. */
export function refuseChangeOfSigned(collection: SyncedCollection<Body>, master: State | undefined, pushed: State) {
  const policy = collection.mergePolicy;
  if (policy.kind !== 'immutable-once-signed' || !master || !policy.isSigned(bodyOf(master))) return;
  if (!changesSignedContent(master, pushed, policy.openFields ?? [])) return;
  throw new HttpError(403, 'forbidden', 'A signed document cannot be changed; amend it instead.', {
    id: pushed.id,
    reason: 'document-signed',
  });
}
