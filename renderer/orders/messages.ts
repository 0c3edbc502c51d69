/**
 * The orders feature's words, Vietnamese first; English has the same keys (the type says so).
 * Used as `t('orders.…')`.
 */
export const ordersVi = {} as const;

export const ordersEn: { [K in keyof typeof ordersVi]: string } = {};
