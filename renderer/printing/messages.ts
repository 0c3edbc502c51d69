/**
 * The printing feature's screen words, Vietnamese first; English has the same keys. The papers
 * themselves are legal documents printed in Vietnamese whatever the screen language.
 * Used as `t('printing.…')`.
 */
export const printingVi = {
  preview: 'Bản in',
  size: 'Khổ giấy',
  print: 'In (Ctrl+P)',
  savePdf: 'Lưu PDF',
  close: 'Đóng (Esc)',
  saved: 'Đã lưu PDF: {{path}}',
  cancelled: 'Đã huỷ in.',
  failed: 'Không in được: {{message}}',
  printPrescription: 'In đơn',
  printLabResults: 'In phiếu kết quả',
  cancelledPrescription: 'Đơn đã huỷ: bản in ghi rõ "ĐÃ HUỶ".',
} as const;

export const printingEn: { [K in keyof typeof printingVi]: string } = {
  preview: 'Print preview',
  size: 'Paper size',
  print: 'Print (Ctrl+P)',
  savePdf: 'Save PDF',
  close: 'Close (Esc)',
  saved: 'PDF saved: {{path}}',
  cancelled: 'Printing cancelled.',
  failed: 'Could not print: {{message}}',
  printPrescription: 'Print',
  printLabResults: 'Print result sheet',
  cancelledPrescription: 'Cancelled prescription: the printout says "ĐÃ HUỶ".',
};
