import { readFile } from 'node:fs/promises';
import { convert } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../shared/encoding/base64';
import { episodeFile, exportDay, exportEpisode } from '../../../shared/exports/xml130/xml130-export';
import type { Xml130Table } from '../../../shared/exports/xml130/xml130-writer';
import { allXsdFiles } from '../../../shared/exports/xml130/xml130-xsd';
import { EXPORT_CONTEXT, exportPatient, stayRecord, visitRecord } from '../../helpers/export-records';
import { xmllintProblems } from '../../helpers/xmllint';

/** The value, or the test fails here: what a fixture is known to hold. */
function given<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('the fixture lacks it');
  return value;
}

type Node = { [name: string]: Node | Node[] | string };

/** The rows of a table read back from its XML: field → text ('' for an empty element). */
function rowsOf(table: Xml130Table): Record<string, string>[] {
  const parsed = convert(table.xml, { format: 'object' }) as Node;
  const [root] = Object.values(parsed) as Node[];
  const values = (row: Node) =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, typeof value === 'string' ? value : '']));
  const list = Object.values(root ?? {}).find((value) => typeof value === 'object') as Node | undefined;
  const rowElements = list && !Array.isArray(list) ? Object.values(list)[0] : undefined;
  if (!rowElements || typeof rowElements === 'string' || Object.keys(root ?? {}).includes('MA_LK'))
    return [values(given(root))];
  return (Array.isArray(rowElements) ? rowElements : [rowElements]).map(values);
}

const table = (tables: Xml130Table[], type: string) => {
  const found = tables.find((candidate) => candidate.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
};

describe('Decision 130 XML of a finished visit', () => {
  const patient = exportPatient();
  const record = visitRecord(patient);
  const exported = exportEpisode(record, given(record.encounters[0]).id, EXPORT_CONTEXT, { insured: true });
  if (!exported.ok) throw new Error(JSON.stringify(exported.missing));

  it('makes XML1, XML2, XML3, XML4 and XML13, each valid against its XSD', async () => {
    expect(exported.tables.map((t) => t.type)).toEqual(['XML1', 'XML2', 'XML3', 'XML4', 'XML13']);
    for (const generated of exported.tables) expect(await xmllintProblems(generated.xml, generated.type)).toBe('');
  });

  it('keeps the fields in the published order', () => {
    const [summary] = rowsOf(table(exported.tables, 'XML1'));
    expect(Object.keys(given(summary)).slice(0, 8)).toEqual([
      'MA_LK',
      'STT',
      'MA_BN',
      'HO_TEN',
      'SO_CCCD',
      'NGAY_SINH',
      'GIOI_TINH',
      'NHOM_MAU',
    ]);
  });

  it('reads back every entered value exactly: names with diacritics, codes with leading zeros, times', () => {
    const visit = given(record.encounters[0]);
    const [summary] = rowsOf(table(exported.tables, 'XML1'));
    expect(summary).toMatchObject({
      MA_LK: visit.episodeKey,
      MA_BN: patient.patientCode,
      HO_TEN: 'Nguyễn Thị Ánh Tuyết',
      SO_CCCD: '001190012345',
      NGAY_SINH: '199003120000',
      GIOI_TINH: '2',
      MA_DANTOC: '01',
      MA_THE_BHYT: 'DN4010012345678',
      MAXA_CU_TRU: '02647',
      MA_BENH_CHINH: 'I10',
      MA_BENH_KT: 'E11.9',
      LY_DO_VV: 'Đau đầu, chóng mặt',
      NGAY_VAO: '202612020805',
      NGAY_RA: '202612020947',
      MA_LOAI_KCB: '01',
      MA_LOAI_RV: '2',
      MA_NOI_DEN: '15001',
      MA_CSKCB: '10010',
      CAN_NANG: '52.5',
      MA_KHOA: 'KKB',
    });
    const drugs = rowsOf(table(exported.tables, 'XML2'));
    expect(drugs.map((drug) => [drug.MA_THUOC, drug.TEN_THUOC, drug.SO_LUONG])).toEqual([
      ['SEN-T-0104', 'Amlodipin', '30'],
      ['SEN-T-0134', 'Metformin hydroclorid', '60'],
    ]);
    expect(given(drugs[1]).LIEU_DUNG).toBe('1 Viên/lần x 2 lần/ngày x 30 ngày');
    const results = rowsOf(table(exported.tables, 'XML4'));
    expect(results.map((row) => [row.MA_CHI_SO, row.TEN_CHI_SO, row.GIA_TRI, row.DON_VI_DO, row.KET_LUAN])).toEqual([
      ['SEN-XN-024', 'Glucose máu', '9.8', 'mmol/L', 'Cao'],
      ['SEN-XN-027', 'Creatinin máu', '96', 'µmol/L', 'Bình thường'],
    ]);
    expect(given(results[0]).NGAY_KQ).toBe('202612020905');
    const [referral] = rowsOf(table(exported.tables, 'XML13'));
    expect(referral).toMatchObject({
      MA_NOI_DI: '10010',
      MA_NOI_DEN: '15001',
      HO_TEN: 'Nguyễn Thị Ánh Tuyết',
      MA_BENH_CHINH: 'K35.8',
      PHUONGTIEN_VC: 'Xe cứu thương',
      HOTEN_NGUOI_HT: 'Điều dưỡng Lò Thị Mai',
    });
  });

  it('wraps the tables in the GIAMDINHHS envelope, each table base64 in a FILEHOSO', async () => {
    const file = episodeFile('10010', '2026-12-03T02:00:00Z', exported.tables, exported.episodeKey);
    expect(await xmllintProblems(file.xml, 'GIAMDINHHS')).toBe('');
    const envelope = convert(file.xml, { format: 'object' }) as Node;
    const files = ((((envelope.GIAMDINHHS as Node).THONGTINHOSO as Node).DANHSACHHOSO as Node).HOSO as Node)
      .FILEHOSO as Node[];
    expect(files.map((entry) => entry.LOAIHOSO)).toEqual(['XML1', 'XML2', 'XML3', 'XML4', 'XML13']);
    const decoded = new TextDecoder().decode(fromBase64(given(files[0]).NOIDUNGFILE as string));
    expect(decoded).toBe(given(exported.tables[0]).xml);
    expect(((envelope.GIAMDINHHS as Node).THONGTINHOSO as Node).NGAYLAP).toBe('20261203');
  });
});

describe('Decision 130 XML of a discharged stay', () => {
  const record = stayRecord(exportPatient());
  const exported = exportEpisode(record, given(record.encounters[0]).id, EXPORT_CONTEXT, { insured: true });
  if (!exported.ok) throw new Error(JSON.stringify(exported.missing));

  it('adds XML5 (progress notes) and XML7 (discharge paper), all valid', async () => {
    expect(exported.tables.map((t) => t.type)).toEqual(['XML1', 'XML2', 'XML3', 'XML4', 'XML5', 'XML7']);
    for (const generated of exported.tables) expect(await xmllintProblems(generated.xml, generated.type)).toBe('');
  });

  it('states the discharge diagnoses, the stay times, the days and the outcome', () => {
    const [summary] = rowsOf(table(exported.tables, 'XML1'));
    expect(summary).toMatchObject({
      MA_BENH_CHINH: 'J18.9',
      MA_BENH_KT: 'I10',
      NGAY_VAO: '202611281015',
      NGAY_VAO_NOI_TRU: '202611281015',
      NGAY_RA: '202612021630',
      SO_NGAY_DTRI: '5',
      KET_QUA_DTRI: '2',
      MA_LOAI_KCB: '03',
      MA_KHOA: 'KHSCC',
      NGAY_TAI_KHAM: '20261209',
      PP_DIEU_TRI: 'Kháng sinh đường tĩnh mạch 5 ngày, hạ sốt',
    });
    const progress = rowsOf(table(exported.tables, 'XML5'));
    expect(progress.map((row) => [row.THOI_DIEM_DBLS, row.DIEN_BIEN_LS])).toEqual([
      ['202611290830', 'Sốt 39 °C, ran nổ đáy phổi phải\nCeftriaxon 1g x 2 lọ/ngày'],
      ['202611300830', 'Hết sốt, còn ho ít\nTiếp tục kháng sinh'],
    ]);
    const [paper] = rowsOf(table(exported.tables, 'XML7'));
    expect(paper).toMatchObject({ NGAY_CT: '20261202', TEN_BS: 'BS. Giàng A Chứ', MA_KHOA_RV: 'KHSCC' });
  });
});

describe('refusing an incomplete episode', () => {
  it('lists in Vietnamese what to complete and exports nothing', () => {
    const record = visitRecord(exportPatient({ bhyt: '' }));
    const visit = { ...given(record.encounters[0]), diagnoses: [], finishedAt: '', status: 'in-progress' as const };
    const exported = exportEpisode({ ...record, encounters: [visit] }, visit.id, EXPORT_CONTEXT, { insured: true });
    expect(exported.ok).toBe(false);
    if (exported.ok) return;
    expect(exported.missing.map((item) => item.field)).toEqual(['NGAY_RA', 'MA_BENH_CHINH', 'NGAY_RA', 'MA_THE_BHYT']);
    expect(exported.missing.map((item) => item.message)).toContain('Chưa có chẩn đoán chính (mã ICD-10).');
    expect(exported).not.toHaveProperty('tables');
  });

  it('refuses a stay without its discharge paper', () => {
    const record = stayRecord(exportPatient());
    const notes = record.notes.filter((note) => note.kind !== 'discharge-summary');
    const exported = exportEpisode({ ...record, notes }, given(record.encounters[0]).id, EXPORT_CONTEXT, {
      insured: true,
    });
    expect(exported.ok ? [] : exported.missing.map((item) => item.message)).toContain(
      'Chưa có giấy ra viện (tóm tắt ra viện) của đợt điều trị.',
    );
  });
});

describe('a day of a facility', () => {
  it('puts the complete episodes of the day in one file and lists the refused ones', async () => {
    const visit = visitRecord(exportPatient());
    const stay = stayRecord(exportPatient({ bhyt: '' }));
    const day = exportDay([visit, stay], '2026-12-02', EXPORT_CONTEXT, { insured: true }, '2026-12-03T01:00:00Z');
    expect(day.fileName).toBe('XML130_10010_20261202.xml');
    expect(day.exported.map((entry) => entry.episodeKey)).toEqual([given(visit.encounters[0]).episodeKey]);
    expect(day.refused.map((entry) => entry.episodeKey)).toEqual([given(stay.encounters[0]).episodeKey]);
    expect(await xmllintProblems(day.xml ?? '', 'GIAMDINHHS')).toBe('');
  });
});

describe('the XSD files', () => {
  it('reject a table with a badly written time or a missing field (the check can fail)', async () => {
    const exported = exportEpisode(visitRecord(exportPatient()), '', EXPORT_CONTEXT, { insured: true });
    expect(exported.ok).toBe(false);
    const record = visitRecord(exportPatient());
    const good = exportEpisode(record, given(record.encounters[0]).id, EXPORT_CONTEXT, { insured: true });
    if (!good.ok) throw new Error('expected a claim');
    const summary = table(good.tables, 'XML1').xml;
    expect(await xmllintProblems(summary.replace(/<NGAY_RA>\d+</, '<NGAY_RA>2026-12-02<'), 'XML1')).toMatch(/NGAY_RA/);
    expect(await xmllintProblems(summary.replace(/<NHOM_MAU\/>/, ''), 'XML1')).toMatch(/NHOM_MAU|MA_QUOCTICH/);
  });

  it('are the ones written from the field lists (npm run xsd:xml130)', async () => {
    for (const [name, text] of Object.entries(allXsdFiles())) {
      expect(await readFile(new URL(`../../../shared/exports/xsd/${name}`, import.meta.url), 'utf8')).toBe(text);
    }
  });
});
