/**
 * Scopes are the feeds a document is addressed to (docs/decisions/0002-scope-model.md). A
 * facility's scope is named by its five-digit code; a province's carries a prefix, so the two
 * can never be confused.
 */
export type ScopeName = string;

const PROVINCE_PREFIX = 'province:';

export function facilityScope(facilityCode: string): ScopeName {
  return facilityCode;
}

export function provinceScope(provinceCode: string): ScopeName {
  return `${PROVINCE_PREFIX}${provinceCode}`;
}

/** The facility a scope names, or undefined for a province's scope. */
export function facilityOfScope(scope: ScopeName): string | undefined {
  return scope.startsWith(PROVINCE_PREFIX) ? undefined : scope;
}
