/**
 * A PC's tag: the number the province gave it at enrollment (unique in its facility), written
 * as two Crockford base-32 characters (no I, L, O or U). 1,024 PCs per facility.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEVICE_TAG_LIMIT = CROCKFORD.length * CROCKFORD.length;
export const DEVICE_TAG_PATTERN = /^[0-9A-HJKMNP-TV-Z]{2}$/;

export function deviceTagOf(tag: number): string {
  if (!Number.isInteger(tag) || tag < 0 || tag >= DEVICE_TAG_LIMIT) throw new RangeError(`device tag ${String(tag)}`);
  return `${CROCKFORD.charAt(Math.floor(tag / CROCKFORD.length))}${CROCKFORD.charAt(tag % CROCKFORD.length)}`;
}

/** `n` (0 ≤ n < 32^width) as `width` Crockford base-32 characters, most significant first. */
export function crockfordDigits(n: number, width: number): string {
  let text = '';
  let rest = n;
  for (let position = 0; position < width; position++) {
    text = CROCKFORD.charAt(rest % CROCKFORD.length) + text;
    rest = Math.floor(rest / CROCKFORD.length);
  }
  if (rest !== 0) throw new RangeError(`${String(n)} does not fit in ${String(width)} characters`);
  return text;
}
