/** What each rule of a list means, for the import report (the code stays the machine's word). */
export const RULE_MESSAGES: Readonly<Record<string, string>> = {
  'asterisk-code-allowed-as-primary':
    'An asterisk (*) code names a manifestation and must be marked as not allowed as the primary diagnosis.',
  'additional-code-allowed-as-primary':
    'External causes (V01–Y98) and infectious agents (B95–B97) are additional codes: mark them as not allowed as the primary diagnosis.',
  'sex-restriction-missing': 'This code applies to one sex only (pregnancy, genital organs): set its sex.',
  'category-mismatch': 'The category ("Mã loại") is not the first three characters of the code.',
  'block-mismatch': 'The code is not inside its block ("Mã nhóm").',
  'chapter-mismatch': "The chapter is not the code's chapter.",
  'critical-limit-inside-range': 'A critical limit lies inside the reference range.',
};
