/**
 * The facility a page's hash names, written either way the console links: `#/staff/10010` or
 * `#/staff/facility=10010` (the filter form the fleet and facility pages use). '' when none.
 */
export function facilityInPath(path: readonly string[]): string {
  for (const part of path) {
    const code = part.startsWith('facility=') ? part.slice('facility='.length) : part;
    if (/^\d{5}$/.test(code)) return code;
  }
  return '';
}
