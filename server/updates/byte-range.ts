/** What a `Range` request header asks of a file of `size` bytes. */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One byte range (RFC 9110 §14.1.2): `bytes=start-end`, `bytes=start-` or `bytes=-suffix`, the
 * end cut to the file. A range that starts past the end, or is written backwards or malformed,
 * is refused (416) rather than ignored: an updater resuming a download with a wrong offset must
 * hear it, not receive the whole file appended to its part. Several ranges at once (multipart
 * answers) are not offered: those get the whole file, which the RFC allows. Another unit than
 * bytes is ignored, as the RFC requires.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const value = header.trim();
  if (!/^bytes\s*=/i.test(value)) return { kind: 'whole' };
  const specs = value.replace(/^bytes\s*=/i, '').split(',');
  if (specs.length > 1) return { kind: 'whole' };
  const match = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0] ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (last !== '' && Number(last) < start)) {
    return { kind: 'unsatisfiable' };
  }
  return { kind: 'part', start, end };
}
