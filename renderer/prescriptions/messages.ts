/**
 * The prescriptions feature's words, Vietnamese first; English has the same keys (the type says so).
 * Used as `t('prescriptions.…')`.
 */
export const prescriptionsVi = {} as const;

export const prescriptionsEn: { [K in keyof typeof prescriptionsVi]: string } = {};
