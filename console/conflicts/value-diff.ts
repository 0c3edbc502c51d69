/**
 * How a conflict's values are shown side by side: a plain value as text, an object (vital signs,
 * an address block) part by part, so that the admin sees which part the two writers disagree on.
 */

/** A value as one line of text; null for nothing (absent, null or an empty string). */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
    return value.length === 0 ? null : value.map(String).join(', ');
  if (isRecord(value)) {
    // An object (an address, vital signs) as its filled parts, `part: value; …`.
    const parts = Object.entries(value).flatMap(([key, part]) => {
      const text = valueText(part);
      return text === null ? [] : [`${key}: ${text}`];
    });
    return parts.length === 0 ? null : parts.join('; ');
  }
  return JSON.stringify(value);
}

export interface ValueDifference {
  /** Where inside the field ('' for the field itself; `systolic`, `address.street` inside an object) */
  path: string;
  master: unknown;
  losing: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  // Absent, null and '' all read as nothing on the page.
  return valueText(a) === valueText(b);
}

/**
 * The parts where the master and the losing value differ: the field itself when either is not
 * an object, else each differing key (recursively), in the master's key order then the losing
 * value's new keys. Empty when the two read the same.
 */
export function valueDifferences(master: unknown, losing: unknown, path = ''): ValueDifference[] {
  if (isRecord(master) && isRecord(losing)) {
    const keys = [...new Set([...Object.keys(master), ...Object.keys(losing)])];
    return keys.flatMap((key) => valueDifferences(master[key], losing[key], path ? `${path}.${key}` : key));
  }
  return sameValue(master, losing) ? [] : [{ path, master, losing }];
}

/** True when the document has moved on since the merge: restoring replaces a later value too. */
export function changedSinceMerge(masterValue: unknown, currentValue: unknown): boolean {
  return !sameValue(masterValue, currentValue);
}
