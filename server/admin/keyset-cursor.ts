import { z } from 'zod';
import { HttpError } from '../http/http-error';

/**
 * An opaque cursor for keyset paging: the sort key of a page's last row (as the database's
 * own text, so that timestamps keep their microseconds), in base64url. The next page starts
 * strictly after it, so rows written meanwhile neither repeat nor shift the page.
 */
const keySchema = z.array(z.string().max(200)).min(1).max(8);

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key a cursor names, checked to have `length` parts; 400 for anything else. */
export function decodeCursor(cursor: string, length: number): string[] {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = keySchema.safeParse(json);
  if (!parsed.success || parsed.data.length !== length) throw invalidCursor();
  return parsed.data;
}

function invalidCursor(): HttpError {
  return new HttpError(400, 'invalid-request', 'The cursor is not one this list gave out.');
}
