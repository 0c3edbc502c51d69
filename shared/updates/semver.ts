/**
 * Semantic versions as electron-builder stamps them (package.json "version"): MAJOR.MINOR.PATCH
 * with an optional pre-release ("1.2.0-beta.1"); build metadata ("+…") is ignored, as semver says.
 */
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: readonly string[];
}

export function parseSemVer(text: string): SemVer | null {
  const match = SEMVER.exec(text.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

export function isSemVer(text: string): boolean {
  return parseSemVer(text) !== null;
}

/** Negative when a < b, 0 when equal, positive when a > b; unparsable versions sort first. */
export function compareSemVer(a: string, b: string): number {
  const left = parseSemVer(a);
  const right = parseSemVer(b);
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  for (const part of ['major', 'minor', 'patch'] as const) {
    if (left[part] !== right[part]) return left[part] - right[part];
  }
  return comparePrerelease(left.prerelease, right.prerelease);
}

/** A release outranks its pre-releases; identifiers compare numerically when both are numbers. */
function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const x = a[index];
    const y = b[index];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether `offered` is newer than `running`: what makes a PC download and offer an update. */
export function isNewerVersion(offered: string, running: string): boolean {
  return isSemVer(offered) && compareSemVer(offered, running) > 0;
}
