/**
 * The visits feature's words, Vietnamese first; English has the same keys (the type says so).
 * Used as `t('visits.…')`.
 */
export const visitsVi = {} as const;

export const visitsEn: { [K in keyof typeof visitsVi]: string } = {};
