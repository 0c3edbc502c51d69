import { MAX_DEPARTMENT_BEDS, type CatalogDetails } from '../../shared/catalog/catalog-details';
import { ROW_NUMBER_HEADERS, WITHDRAWN_COLUMN, type CatalogLayout } from './catalog-layout';

/** Examination, imaging, functional-test and procedure services. */
export const serviceLayout: CatalogLayout<'service'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'code', headers: ['Mã dịch vụ', 'MA_DICH_VU'], required: true },
    { key: 'name', headers: ['Tên dịch vụ', 'TEN_DICH_VU'], required: true },
    { key: 'group', headers: ['Nhóm dịch vụ', 'Nhóm'], required: true },
    { key: 'unit', headers: ['Đơn vị tính', 'DON_VI_TINH'], required: true },
    WITHDRAWN_COLUMN,
  ],
  ignored: ['Ghi chú'],
  readRow(row) {
    const code = row.required('code');
    const name = row.required('name');
    const details: CatalogDetails['service'] = {
      group: row.choice(
        'group',
        {
          'Khám bệnh': 'examination',
          'Chẩn đoán hình ảnh': 'imaging',
          'Thăm dò chức năng': 'functional-test',
          'Thủ thuật': 'procedure',
        } as const,
        'examination',
      ),
      unit: row.required('unit'),
    };
    return row.problems.length > 0 ? null : { code, name, nameEn: '', details };
  },
};

/** The departments of a health centre. */
export const departmentLayout: CatalogLayout<'department'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'code', headers: ['Mã khoa', 'MA_KHOA'], required: true },
    { key: 'name', headers: ['Tên khoa', 'TEN_KHOA'], required: true },
    { key: 'type', headers: ['Loại khoa', 'Loại'], required: true },
    { key: 'beds', headers: ['Số giường', 'SO_GIUONG'], required: false },
    WITHDRAWN_COLUMN,
  ],
  ignored: ['Ghi chú'],
  readRow(row) {
    const code = row.required('code').toUpperCase();
    const name = row.required('name');
    const beds = row.optionalNumber('beds');
    if (beds !== null && !(Number.isInteger(beds) && beds >= 0 && beds <= MAX_DEPARTMENT_BEDS))
      row.invalid('beds', `"${String(beds)}" is not a whole number from 0 to ${String(MAX_DEPARTMENT_BEDS)}.`);
    const details: CatalogDetails['department'] = {
      type: row.choice(
        'type',
        { 'Lâm sàng': 'clinical', 'Cận lâm sàng': 'paraclinical', 'Hỗ trợ': 'support' } as const,
        'clinical',
      ),
      ...(beds !== null && beds > 0 ? { beds } : {}),
    };
    return row.problems.length > 0 ? null : { code, name, nameEn: '', details };
  },
};

/** Facilities of the province, by their 5-digit code; demo entries are marked. */
export const facilityLayout: CatalogLayout<'facility'> = {
  columns: [
    { key: 'rowNumber', headers: ROW_NUMBER_HEADERS, required: false },
    { key: 'code', headers: ['Mã cơ sở', 'Mã CSKCB', 'MA_CSKCB'], required: true },
    { key: 'name', headers: ['Tên cơ sở', 'Tên CSKCB', 'TEN_CSKCB'], required: true },
    { key: 'level', headers: ['Cấp', 'Tuyến'], required: true },
    { key: 'address', headers: ['Địa chỉ'], required: false },
    { key: 'demo', headers: ['Dữ liệu mẫu', 'Demo'], required: false },
    WITHDRAWN_COLUMN,
  ],
  ignored: ['Ghi chú'],
  readRow(row) {
    const code = row.required('code');
    const name = row.required('name');
    const details: CatalogDetails['facility'] = {
      level: row.choice(
        'level',
        { Tỉnh: 'province', 'Khu vực': 'regional', Xã: 'commune', 'Tư nhân': 'private' } as const,
        'regional',
      ),
      address: row.text('address'),
      demo: row.flag('demo'),
    };
    return row.problems.length > 0 ? null : { code, name, nameEn: '', details };
  },
};
