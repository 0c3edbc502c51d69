import { LAB_GROUPS, type LabTestDetails, type ReferenceRange } from '../../shared/catalog/catalog-details';
import { ROW_NUMBER_HEADERS, WITHDRAWN_COLUMN, type CatalogLayout } from './catalog-layout';
import type { RowReader } from './catalog-row-reader';

/** Below this age the child's range applies (the Law on Children: a child is under 16). */
export const ADULT_FROM_AGE = 16;

const GROUPS: Readonly<Record<string, LabTestDetails['group']>> = {
  'Huyết học': 'haematology',
  'Sinh hóa': 'biochemistry',
  'Nước tiểu': 'urine',
  'Miễn dịch': 'serology',
  'Huyết thanh': 'serology',
  'Vi sinh': 'microbiology',
  ...Object.fromEntries(LAB_GROUPS.map((group) => [group, group])),
};

/**
 * The lab indicator list: the indicator's code, names, group, LOINC code and unit (as in the
 * insurance data's MA_CHI_SO / TEN_CHI_SO / DON_VI_DO), then the reference ranges as three pairs
 * of bounds (adult men, adult women, children under 16), the critical limits, and the validity
 * window of the duplicate-test warning. A qualitative test gives its normal answer instead.
 */
export const labTestLayout: CatalogLayout<'lab-test'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'code', headers: ['Mã chỉ số', 'MA_CHI_SO'], required: true },
    { key: 'name', headers: ['Tên chỉ số', 'TEN_CHI_SO'], required: true },
    { key: 'nameEn', headers: ['Tên tiếng Anh'], required: false },
    { key: 'group', headers: ['Nhóm xét nghiệm', 'Nhóm'], required: true },
    { key: 'loinc', headers: ['Mã LOINC', 'LOINC'], required: false },
    { key: 'unit', headers: ['Đơn vị đo', 'DON_VI_DO'], required: false },
    { key: 'normalText', headers: ['Kết quả bình thường'], required: false },
    { key: 'maleLow', headers: ['Nam - thấp'], required: false },
    { key: 'maleHigh', headers: ['Nam - cao'], required: false },
    { key: 'femaleLow', headers: ['Nữ - thấp'], required: false },
    { key: 'femaleHigh', headers: ['Nữ - cao'], required: false },
    { key: 'childLow', headers: ['Trẻ em - thấp'], required: false },
    { key: 'childHigh', headers: ['Trẻ em - cao'], required: false },
    { key: 'criticalLow', headers: ['Nguy hiểm - thấp'], required: false },
    { key: 'criticalHigh', headers: ['Nguy hiểm - cao'], required: false },
    { key: 'validityDays', headers: ['Số ngày hiệu lực'], required: true },
    WITHDRAWN_COLUMN,
  ],
  ignored: ['Ghi chú'],
  readRow(row) {
    const code = row.required('code');
    const name = row.required('name');
    const normalText = row.text('normalText');
    const unit = row.text('unit');
    const resultType = normalText === '' ? 'numeric' : 'qualitative';
    const referenceRanges = resultType === 'numeric' ? readRanges(row) : [];
    if (resultType === 'numeric' && referenceRanges.length === 0) {
      row.invalid('maleLow', 'A numeric test needs a reference range.');
    }
    const details: LabTestDetails = {
      group: row.choice('group', GROUPS, 'biochemistry'),
      loinc: row.text('loinc'),
      resultType,
      unit,
      normalText,
      referenceRanges,
      criticalLow: row.optionalNumber('criticalLow'),
      criticalHigh: row.optionalNumber('criticalHigh'),
      validityDays: row.requiredInteger('validityDays', 0, 3650),
    };
    if (row.problems.length > 0) return null;
    return { code, name, nameEn: row.text('nameEn'), details };
  },
  ruleProblems: (row) => {
    const { criticalLow, criticalHigh, referenceRanges } = row.details;
    const problems: { column: string; code: string }[] = [];
    for (const range of referenceRanges) {
      if (criticalLow !== null && range.low !== null && criticalLow > range.low) {
        problems.push({ column: 'criticalLow', code: 'critical-limit-inside-range' });
      }
      if (criticalHigh !== null && range.high !== null && criticalHigh < range.high) {
        problems.push({ column: 'criticalHigh', code: 'critical-limit-inside-range' });
      }
    }
    return problems.slice(0, 1);
  },
};

/** Adult ranges start at 16 when the row gives a child's range, and at birth when it does not. */
function readRanges(row: RowReader): ReferenceRange[] {
  const child = bounds(row, 'childLow', 'childHigh');
  const adultFrom = child === null ? 0 : ADULT_FROM_AGE;
  const ranges: ReferenceRange[] = [];
  const male = bounds(row, 'maleLow', 'maleHigh');
  const female = bounds(row, 'femaleLow', 'femaleHigh');
  if (male) ranges.push({ sex: 'male', minAgeYears: adultFrom, maxAgeYears: null, ...male });
  if (female) ranges.push({ sex: 'female', minAgeYears: adultFrom, maxAgeYears: null, ...female });
  if (child) ranges.push({ sex: 'any', minAgeYears: 0, maxAgeYears: ADULT_FROM_AGE, ...child });
  return ranges;
}

function bounds(row: RowReader, lowKey: string, highKey: string): { low: number | null; high: number | null } | null {
  const low = row.optionalNumber(lowKey);
  const high = row.optionalNumber(highKey);
  if (low === null && high === null) return null;
  if (low !== null && high !== null && low > high)
    row.invalid(lowKey, `The low bound ${low} is above the high ${high}.`);
  return { low, high };
}
