import { describe, expect, it } from 'vitest';
import type { CatalogImportError } from './catalog-import-error';
import { parseCatalogCsv, type CatalogImportOptions } from './parse-catalog-csv';

const OPTIONS: CatalogImportOptions = { provinceCode: '15', effectiveFrom: '2026-01-01' };
const ICD_HEADER = 'STT,Mã chương,Mã nhóm,Mã loại,Mã bệnh,Disease name,Tên bệnh,Không dùng làm bệnh chính,Giới tính';
const PNEUMONIA = '1,X,J09-J18,J18,J18.9,"Pneumonia, unspecified","Viêm phổi, không đặc hiệu",,';
const DELIVERY = '2,XV,O80-O84,O80,O80,Single spontaneous delivery,Đẻ thường một thai,,Nữ';
const FALL = '3,XX,W00-W19,W19,W19,Unspecified fall,Ngã không xác định,x,';

function icd(...rows: string[]): string {
  return [ICD_HEADER, ...rows].join('\n') + '\n';
}

function errorsOf(kind: Parameters<typeof parseCatalogCsv>[0], input: string | Uint8Array): CatalogImportError[] {
  const result = parseCatalogCsv(kind, input, OPTIONS);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('reading a catalog file', () => {
  it('turns each row into a catalog document', () => {
    const result = parseCatalogCsv('icd10', icd(PNEUMONIA, DELIVERY, FALL), OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.documents.map((document) => document.id)).toEqual([
      'icd10:J18.9:2026-01-01',
      'icd10:O80:2026-01-01',
      'icd10:W19:2026-01-01',
    ]);
    expect(result.documents[0]).toMatchObject({
      kind: 'icd10',
      code: 'J18.9',
      name: 'Viêm phổi, không đặc hiệu',
      nameEn: 'Pneumonia, unspecified',
      searchKey: 'viem phoi, khong dac hieu',
      provinceCode: '15',
      effectiveFrom: '2026-01-01',
      effectiveTo: '',
      withdrawn: false,
      updatedBy: 'province',
      details: { chapter: 'X', block: 'J09-J18', category: 'J18', mark: '', notPrimary: false, sex: 'any' },
    });
    expect(result.documents[1]?.details).toMatchObject({ sex: 'female' });
    expect(result.documents[2]?.details).toMatchObject({ notPrimary: true });
  });

  it('yields identical documents when the same file is imported twice', () => {
    expect(parseCatalogCsv('icd10', icd(PNEUMONIA), OPTIONS)).toEqual(
      parseCatalogCsv('icd10', icd(PNEUMONIA), OPTIONS),
    );
  });

  it('accepts UTF-8 with a byte-order mark, CRLF line ends, and bytes as well as text', () => {
    const withBom = new TextEncoder().encode('\uFEFF' + icd(PNEUMONIA).replace(/\n/g, '\r\n'));
    const result = parseCatalogCsv('icd10', withBom, OPTIONS);
    expect(result.ok && result.documents[0]?.code).toBe('J18.9');
  });

  it('accepts the ministry’s headers in capitals, without diacritics or as insurance-data field names', () => {
    const header = 'STT,MÃ CHƯƠNG,MA NHOM,Mã loại,MA_BENH,DISEASE NAME,TÊN BỆNH,Mã nhóm báo cáo BYT';
    const result = parseCatalogCsv(
      'icd10',
      `${header}\n1,X,J09-J18,J18,J18.9,Pneumonia,"Viêm phổi, không đặc hiệu",169\n`,
      OPTIONS,
    );
    expect(result.ok && result.documents[0]?.name).toBe('Viêm phổi, không đặc hiệu');
  });

  it('stores names in NFC however they were typed', () => {
    const decomposed = icd(PNEUMONIA.normalize('NFD'));
    const result = parseCatalogCsv('icd10', decomposed, OPTIONS);
    expect(result.ok && result.documents[0]?.name).toBe('Viêm phổi, không đặc hiệu'.normalize('NFC'));
  });

  it('reads the printed asterisk and dagger marks off the code', () => {
    const asterisk = '4,VI,G00-G09,G01,G01*,Meningitis in bacterial diseases,Viêm màng não trong bệnh nhiễm khuẩn,x,';
    const dagger = '5,I,A15-A19,A17,A17.0†,Tuberculous meningitis,Lao màng não,,';
    const result = parseCatalogCsv('icd10', icd(asterisk, dagger), OPTIONS);
    expect(result.ok && result.documents.map((document) => [document.code, document.details])).toEqual([
      ['G01', expect.objectContaining({ mark: 'asterisk', notPrimary: true })],
      ['A17.0', expect.objectContaining({ mark: 'dagger' })],
    ]);
  });
});

describe('a bad file is refused whole, each problem on its line', () => {
  it('refuses an empty file and a header without rows', () => {
    expect(errorsOf('icd10', '')).toEqual([expect.objectContaining({ line: 1, code: 'empty-file' })]);
    expect(errorsOf('icd10', '\uFEFF \n\n')).toEqual([expect.objectContaining({ line: 1, code: 'empty-file' })]);
    expect(errorsOf('icd10', `${ICD_HEADER}\n`)).toEqual([expect.objectContaining({ line: 2, code: 'no-rows' })]);
  });

  it('refuses text that is not UTF-8 at its first bad line', () => {
    const good = new TextEncoder().encode(icd(PNEUMONIA));
    // "Đẻ" as Windows-1258 writes it: 0xD0 is not a UTF-8 sequence on its own.
    const windows = new Uint8Array([
      ...good,
      ...new TextEncoder().encode('2,XV,O80-O84,O80,O80,Delivery,'),
      0xd0,
      0x65,
      0x0a,
    ]);
    expect(errorsOf('icd10', windows)).toEqual([expect.objectContaining({ line: 3, code: 'bad-encoding' })]);
    expect(errorsOf('icd10', icd(PNEUMONIA, '2,X,J09-J18,J18,J18.0,x,Vi\uFFFDm,,'))).toEqual([
      expect.objectContaining({ line: 3, code: 'bad-encoding' }),
    ]);
  });

  it('refuses CSV it cannot read, naming the line', () => {
    const unclosed = icd(PNEUMONIA, '2,X,J09-J18,J18,J18.0,"Bronchopneumonia,Viêm phế quản phổi,,');
    expect(errorsOf('icd10', unclosed)).toEqual([expect.objectContaining({ code: 'malformed-csv', line: 3 })]);
  });

  it('refuses unknown, repeated and missing columns on line 1', () => {
    expect(errorsOf('icd10', `${ICD_HEADER},Màu\n${PNEUMONIA},đỏ\n`)).toEqual([
      expect.objectContaining({ line: 1, column: 'Màu', code: 'unknown-column' }),
    ]);
    expect(errorsOf('icd10', `${ICD_HEADER},Tên bệnh\n${PNEUMONIA},x\n`)).toEqual([
      expect.objectContaining({ line: 1, column: 'Tên bệnh', code: 'duplicate-column' }),
    ]);
    const withoutName = 'Mã chương,Mã nhóm,Mã loại,Mã bệnh\nX,J09-J18,J18,J18.9\n';
    expect(errorsOf('icd10', withoutName)).toEqual([
      expect.objectContaining({ line: 1, column: 'Tên bệnh', code: 'missing-column' }),
    ]);
  });

  it('refuses a row with too few or too many fields', () => {
    expect(errorsOf('icd10', icd(PNEUMONIA, '2,X,J09-J18,J18,J18.0,x'))).toEqual([
      expect.objectContaining({ line: 3, code: 'wrong-field-count' }),
    ]);
  });

  it('reports every bad row with its line, and returns no document even for the good ones', () => {
    const errors = errorsOf(
      'icd10',
      icd(
        PNEUMONIA,
        '2,X,J09-J18,J18,J18.0,Bronchopneumonia,,,',
        DELIVERY,
        '4,X,J09-J18,J18,J18.X,Pneumonia,Viêm phổi,,',
        '5,X,J09-J18,J18,J18.1,Lobar pneumonia,Viêm phổi thùy,có lẽ,',
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, column: 'Tên bệnh', code: 'missing-value' }),
      expect.objectContaining({ line: 5, column: 'Mã bệnh', code: 'invalid-value' }),
      expect.objectContaining({ line: 6, column: 'Không dùng làm bệnh chính', code: 'invalid-value' }),
    ]);
  });

  it('refuses a code that appears twice in the file, naming the first line', () => {
    const errors = errorsOf('icd10', icd(PNEUMONIA, DELIVERY, PNEUMONIA));
    expect(errors).toEqual([expect.objectContaining({ line: 4, code: 'duplicate-code', column: 'Mã bệnh' })]);
    expect(errors[0]?.message).toContain('line 2');
  });

  it("refuses rows that break the list's rules", () => {
    const openDelivery = '2,XV,O80-O84,O80,O80,Single spontaneous delivery,Đẻ thường một thai,,';
    const primaryFall = '3,XX,W00-W19,W19,W19,Unspecified fall,Ngã không xác định,,';
    const asterisk = '4,VI,G00-G09,G01,G01*,Meningitis,Viêm màng não trong bệnh nhiễm khuẩn,,';
    const wrongBlock = '5,X,J20-J22,J18,J18.0,Bronchopneumonia,Viêm phế quản phổi,,';
    expect(errorsOf('icd10', icd(openDelivery, primaryFall, asterisk, wrongBlock))).toEqual([
      expect.objectContaining({ line: 2, column: 'Giới tính', rule: 'sex-restriction-missing' }),
      expect.objectContaining({
        line: 3,
        column: 'Không dùng làm bệnh chính',
        rule: 'additional-code-allowed-as-primary',
      }),
      expect.objectContaining({
        line: 4,
        column: 'Không dùng làm bệnh chính',
        rule: 'asterisk-code-allowed-as-primary',
      }),
      expect.objectContaining({ line: 5, column: 'Mã nhóm', code: 'rule-violated', rule: 'block-mismatch' }),
    ]);
  });

  it('counts lines in the file, not records, when a quoted field spans lines', () => {
    const multiline = '2,X,J09-J18,J18,J18.0,"Broncho-\npneumonia","Viêm phế quản phổi",,';
    const errors = errorsOf('icd10', icd(PNEUMONIA, multiline, '4,X,J09-J18,J18,J18.1,Lobar,,,'));
    expect(errors).toEqual([expect.objectContaining({ line: 5, code: 'missing-value' })]);
  });

  it('refuses options that cannot make an entry', () => {
    const result = parseCatalogCsv('icd10', icd(PNEUMONIA), { provinceCode: '1', effectiveFrom: '2026-13-01' });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual(['invalid-value', 'invalid-value']);
  });
});

describe('the other kinds', () => {
  const LAB_HEADER =
    'STT,Mã chỉ số,Tên chỉ số,Tên tiếng Anh,Nhóm xét nghiệm,Mã LOINC,Đơn vị đo,Kết quả bình thường,' +
    'Nam - thấp,Nam - cao,Nữ - thấp,Nữ - cao,Trẻ em - thấp,Trẻ em - cao,Nguy hiểm - thấp,Nguy hiểm - cao,Số ngày hiệu lực';

  it('reads a lab test with its ranges by sex and age, critical limits and validity window', () => {
    const row = '1,SEN-XN-001,Glucose máu,Glucose,Sinh hóa,14749-6,mmol/L,,3.9,"6,4",3.9,6.4,3.3,5.6,2.5,22.2,1';
    const result = parseCatalogCsv('lab-test', `${LAB_HEADER}\n${row}\n`, OPTIONS);
    expect(result.ok && result.documents[0]?.details).toEqual({
      group: 'biochemistry',
      loinc: '14749-6',
      resultType: 'numeric',
      unit: 'mmol/L',
      normalText: '',
      referenceRanges: [
        { sex: 'male', minAgeYears: 16, maxAgeYears: null, low: 3.9, high: 6.4 },
        { sex: 'female', minAgeYears: 16, maxAgeYears: null, low: 3.9, high: 6.4 },
        { sex: 'any', minAgeYears: 0, maxAgeYears: 16, low: 3.3, high: 5.6 },
      ],
      criticalLow: 2.5,
      criticalHigh: 22.2,
      validityDays: 1,
    });
  });

  it('refuses a mistyped LOINC code, a made-up ministry code, a range upside down and a critical limit inside it', () => {
    const rows = [
      '1,SEN-XN-001,Glucose máu,,Sinh hóa,14749-7,mmol/L,,3.9,6.4,,,,,,,1',
      '2,123456,Urê máu,,Sinh hóa,22664-7,mmol/L,,2.5,7.5,,,,,,,7',
      '3,SEN-XN-003,Kali máu,,Sinh hóa,2823-3,mmol/L,,5.0,3.5,,,,,,,1',
      '4,SEN-XN-004,Natri máu,,Sinh hóa,2951-2,mmol/L,,135,145,,,,,140,,1',
      '5,SEN-XN-005,HBsAg,,Miễn dịch,5196-1,,,,,,,,,,,nửa năm',
    ];
    expect(errorsOf('lab-test', `${LAB_HEADER}\n${rows.join('\n')}\n`)).toEqual([
      expect.objectContaining({ line: 2, column: 'Mã LOINC', code: 'invalid-value' }),
      expect.objectContaining({ line: 3, column: 'Mã chỉ số', code: 'invalid-value' }),
      expect.objectContaining({ line: 4, column: 'Nam - thấp', code: 'invalid-value' }),
      expect.objectContaining({ line: 5, column: 'Nguy hiểm - thấp', code: 'rule-violated' }),
      expect.objectContaining({ line: 6, column: 'Nam - thấp', code: 'invalid-value' }),
      expect.objectContaining({ line: 6, column: 'Số ngày hiệu lực', code: 'invalid-value' }),
    ]);
  });

  it('reads a drug and what one unit holds', () => {
    const csv =
      'STT,Mã thuốc,Tên hoạt chất,Hàm lượng,Dạng bào chế,Đường dùng,Đơn vị tính,Quy cách\n' +
      '1,SEN-T-0001,Ibuprofen,100mg/5ml,Hỗn dịch uống,Uống,Chai,60 ml\n' +
      '2,SEN-T-0002,Paracetamol,500mg,Viên nén,Uống,Viên,\n';
    const result = parseCatalogCsv('drug', csv, OPTIONS);
    expect(result.ok && result.documents.map((document) => [document.name, document.details])).toEqual([
      ['Ibuprofen 100mg/5ml', expect.objectContaining({ unit: 'Chai', unitContent: { amount: 60, unit: 'ml' } })],
      ['Paracetamol 500mg', expect.objectContaining({ unit: 'Viên', unitContent: null })],
    ]);
  });

  it('reads services, departments and facilities, and refuses a value outside their lists', () => {
    const services = 'Mã dịch vụ,Tên dịch vụ,Nhóm dịch vụ,Đơn vị tính\nSEN-DV-001,Khám Nội,Khám bệnh,Lần\n';
    expect(parseCatalogCsv('service', services, OPTIONS).ok).toBe(true);
    const departments = 'Mã khoa,Tên khoa,Loại khoa\nKKB,Khoa Khám bệnh,Lâm sàng\nKXN,Khoa Xét nghiệm,Bếp\n';
    expect(errorsOf('department', departments)).toEqual([
      expect.objectContaining({ line: 3, column: 'Loại khoa', code: 'invalid-value' }),
    ]);
    const facilities =
      'Mã cơ sở,Tên cơ sở,Cấp,Dữ liệu mẫu\n10010,Trung tâm Y tế khu vực Bát Xát (demo),Khu vực,x\n1001,X,Xã,\n';
    expect(errorsOf('facility', facilities)).toEqual([
      expect.objectContaining({ line: 3, column: 'Mã cơ sở', code: 'invalid-value' }),
    ]);
  });

  it('reads a version that withdraws a code', () => {
    const csv = 'Mã dịch vụ,Tên dịch vụ,Nhóm dịch vụ,Đơn vị tính,Ngừng sử dụng\nSEN-DV-001,Khám Nội,Khám bệnh,Lần,x\n';
    const result = parseCatalogCsv('service', csv, OPTIONS);
    expect(result.ok && result.documents[0]?.withdrawn).toBe(true);
  });
});
