/**
 * The catalog feature's words, Vietnamese first; English has the same keys (the type says so).
 * Used as `t('catalog.…')`.
 */
export const catalogVi = {} as const;

export const catalogEn: { [K in keyof typeof catalogVi]: string } = {};
