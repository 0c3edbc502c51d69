import { documentStateKey } from './document-state';

type State = Record<string, unknown> & { _deleted: boolean };

export interface FieldConflict {
  field: string;
  /** The value that stays in the document */
  masterValue: unknown;
  /** The value that lost, kept in the conflict record */
  losingValue: unknown;
}

export interface MergeResult {
  merged: State;
  conflicts: FieldConflict[];
}

const same = (a: unknown, b: unknown): boolean =>
  documentStateKey({ value: a ?? null }) === documentStateKey({ value: b ?? null });

/**
 * Three-way merge of a pushed document against the master it assumed, field by field (top-level
 * fields; an address is one field because its parts only make sense together).
 *
 * - A field only the pusher changed takes the pushed value; one only the master changed keeps it.
 * - A field both changed to different values keeps the master value, and the pushed value is
 *   returned as a conflict, to be stored where an admin can see it: nothing is lost silently.
 * - A deletion meeting any concurrent change on the other side is itself a conflict: the master's
 *   deleted-or-alive state stays, and the other side's intent is recorded.
 * Without an assumed master (a device that never saw the master), every differing field is a
 * conflict.
 *
 * `bookkeepingFields` (e.g. a device-clock `updatedAt`) change with every edit: they follow the
 * rules above but never count as a conflict or as a change of content.
 */
export function mergeDocument(
  assumed: State | null | undefined,
  master: State,
  pushed: State,
  bookkeepingFields: readonly string[] = [],
): MergeResult {
  const merged: State = { ...master };
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(master), ...Object.keys(pushed)]);
  fields.delete('_deleted');

  const pusherChanged = (field: string): boolean => !assumed || !same(pushed[field], assumed[field]);
  const masterChanged = (field: string): boolean => !assumed || !same(master[field], assumed[field]);

  let pusherChangedContent = false;
  let masterChangedContent = false;
  for (const field of fields) {
    if (same(pushed[field], master[field])) continue;
    if (bookkeepingFields.includes(field)) {
      if (!masterChanged(field)) merged[field] = pushed[field];
      continue;
    }
    const byPusher = pusherChanged(field);
    const byMaster = masterChanged(field);
    pusherChangedContent ||= byPusher;
    masterChangedContent ||= byMaster;
    if (!byPusher) continue;
    if (byMaster) conflicts.push({ field, masterValue: master[field], losingValue: pushed[field] });
    else merged[field] = pushed[field];
  }

  if (pushed._deleted !== master._deleted) {
    const deletionByPusher = pusherChanged('_deleted');
    const otherSideChanged = deletionByPusher
      ? masterChangedContent || masterChanged('_deleted')
      : pusherChangedContent;
    if (deletionByPusher && !otherSideChanged) merged._deleted = pushed._deleted;
    else if (deletionByPusher || pusherChangedContent) {
      conflicts.push({ field: '_deleted', masterValue: master._deleted, losingValue: pushed._deleted });
    }
  }
  return { merged, conflicts };
}
