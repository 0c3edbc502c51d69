import { ICD10_CHAPTERS, type Icd10Details } from '../../shared/catalog/catalog-details';
import { icd10FlagProblems } from '../../shared/catalog/icd10-rules';
import { ROW_NUMBER_HEADERS, WITHDRAWN_COLUMN, type CatalogLayout } from './catalog-layout';

/**
 * The ministry's ICD-10 list ("Danh mục mã bệnh theo ICD-10"): chapter, block, category and
 * code, the English (WHO) and Vietnamese names, then the two rule flags the list carries. A code
 * may carry its printed dagger (†, or + where † cannot be typed) or asterisk (*).
 */
export const icd10Layout: CatalogLayout<'icd10'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'chapter', headers: ['Mã chương', 'Số TT chương', 'Chương'], required: true },
    { key: 'block', headers: ['Mã nhóm', 'Mã nhóm chính'], required: true },
    { key: 'category', headers: ['Mã loại'], required: true },
    { key: 'code', headers: ['Mã bệnh', 'Mã ICD', 'MA_BENH'], required: true },
    { key: 'nameEn', headers: ['Disease name', 'Disease name (Original)', 'Tên tiếng Anh'], required: false },
    { key: 'name', headers: ['Tên bệnh', 'Tên bệnh gốc', 'TEN_BENH'], required: true },
    { key: 'notPrimary', headers: ['Không dùng làm bệnh chính', 'Không là bệnh chính'], required: false },
    { key: 'sex', headers: ['Giới tính', 'Chỉ dùng cho giới'], required: false },
    WITHDRAWN_COLUMN,
  ],
  ignored: [
    'Tên chương',
    'Chapter',
    'Tên nhóm chính',
    'Main group',
    'Tên loại',
    'Type',
    'Mã nhóm báo cáo BYT',
    'Mã gốc có bổ sung mã cần chi tiết hơn',
    'Mã bệnh không dấu',
  ],
  readRow(row) {
    const written = row.required('code').toUpperCase();
    const mark: Icd10Details['mark'] = written.endsWith('*')
      ? 'asterisk'
      : written.endsWith('†') || written.endsWith('+')
        ? 'dagger'
        : '';
    const code = mark === '' ? written : written.slice(0, -1);
    const chapterText = row.required('chapter').toUpperCase();
    const chapter = ICD10_CHAPTERS.find((numeral) => numeral === chapterText);
    if (chapterText !== '' && chapter === undefined)
      row.invalid('chapter', `"${chapterText}" is not a chapter (I–XXII).`);
    const details: Icd10Details = {
      chapter: chapter ?? 'I',
      block: row.required('block').toUpperCase(),
      category: row.required('category').toUpperCase(),
      mark,
      notPrimary: row.flag('notPrimary'),
      sex: row.choice('sex', { Nam: 'male', Nữ: 'female', male: 'male', female: 'female' } as const, 'any', false),
    };
    const name = row.required('name');
    if (row.problems.length > 0) return null;
    return { code, name, nameEn: row.text('nameEn'), details };
  },
  ruleProblems: (row) => icd10FlagProblems(row.code, row.details).map((code) => ({ column: columnOfRule(code), code })),
};

function columnOfRule(rule: string): string {
  if (rule.startsWith('sex')) return 'sex';
  if (rule === 'category-mismatch') return 'category';
  if (rule === 'block-mismatch') return 'block';
  if (rule === 'chapter-mismatch') return 'chapter';
  return 'notPrimary';
}
