import type { DrugDetails } from '../../shared/catalog/catalog-details';
import type { DrugControl } from '../../shared/catalog/drug-control';
import { ROW_NUMBER_HEADERS, WITHDRAWN_COLUMN, type CatalogLayout } from './catalog-layout';
import type { RowReader } from './catalog-row-reader';

/**
 * The drug list, with the columns of the insurance drug list (Circular 20/2022/TT-BYT: active
 * ingredient, route and form) and of the insurance data's drug table (MA_THUOC, HAM_LUONG,
 * DON_VI_TINH): code, active ingredient, strength, dosage form, route, dispensing unit, and what
 * one unit holds when doses are measured otherwise ("60 ml" for a bottle of syrup); and, in a
 * column of our naming, the special-control class that decides the prescription's kind.
 */
export const drugLayout: CatalogLayout<'drug'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'code', headers: ['Mã thuốc', 'MA_THUOC'], required: true },
    { key: 'ingredient', headers: ['Tên hoạt chất', 'Hoạt chất'], required: true },
    { key: 'name', headers: ['Tên thuốc', 'TEN_THUOC'], required: false },
    { key: 'strength', headers: ['Hàm lượng', 'Nồng độ, hàm lượng', 'HAM_LUONG'], required: true },
    { key: 'form', headers: ['Dạng bào chế', 'DANG_BAO_CHE'], required: true },
    { key: 'route', headers: ['Đường dùng', 'DUONG_DUNG'], required: true },
    { key: 'unit', headers: ['Đơn vị tính', 'DON_VI_TINH'], required: true },
    { key: 'unitContent', headers: ['Quy cách', 'Dung tích'], required: false },
    { key: 'control', headers: ['Kiểm soát đặc biệt', 'Phân loại kiểm soát'], required: false },
    WITHDRAWN_COLUMN,
  ],
  ignored: ['Ghi chú', 'Hạng bệnh viện'],
  readRow(row) {
    const code = row.required('code');
    const details: DrugDetails = {
      ingredient: row.required('ingredient'),
      strength: row.required('strength'),
      form: row.required('form'),
      route: row.required('route'),
      unit: row.required('unit'),
      unitContent: readUnitContent(row),
      ...readControl(row),
    };
    if (row.problems.length > 0) return null;
    const name = row.text('name') || `${details.ingredient} ${details.strength}`;
    return { code, name, nameEn: '', details };
  },
};

/**
 * The special-control class (Circular 20/2017/TT-BYT's lists): "Gây nghiện", "Hướng thần" or
 * "Tiền chất"; empty for an ordinary drug, which then carries no class at all.
 */
function readControl(row: RowReader): Pick<DrugDetails, 'control'> {
  const control = row.choice<DrugControl | null>(
    'control',
    { 'Gây nghiện': 'narcotic', 'Hướng thần': 'psychotropic', 'Tiền chất': 'precursor' },
    null,
    false,
  );
  return control ? { control } : {};
}

/** "60 ml", "100ml", "0,5 g" → amount and unit; null when empty. */
function readUnitContent(row: RowReader): DrugDetails['unitContent'] {
  const raw = row.text('unitContent');
  if (raw === '') return null;
  const match = /^(\d+(?:[.,]\d+)?)\s*([^\d\s].*)$/.exec(raw);
  const amount = match ? Number((match[1] ?? '').replace(',', '.')) : 0;
  if (!match || amount <= 0) {
    row.invalid('unitContent', `"${raw}" is not an amount and a unit (e.g. "60 ml").`);
    return null;
  }
  return { amount, unit: (match[2] ?? '').trim() };
}
