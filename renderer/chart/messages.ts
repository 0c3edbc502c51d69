/**
 * The chart feature's words, Vietnamese first; English has the same keys (the type says so).
 * Used as `t('chart.…')`.
 */
export const chartVi = {} as const;

export const chartEn: { [K in keyof typeof chartVi]: string } = {};
