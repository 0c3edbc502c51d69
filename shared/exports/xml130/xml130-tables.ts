/**
 * The tables of Decision 130/QĐ-BYT as amended by 4750/QĐ-BYT and 3176/QĐ-BYT that Sen fills, with
 * each field in the published order (shared/exports/README.md says which list was followed and
 * what could not be checked against the official text). The XSDs in shared/exports/xsd/ are
 * written from these lists, and every generated table is validated against them.
 */
export type FieldKind = 'text' | 'time' | 'date' | 'number';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Characters at most (text); times are 12 digits, dates 8. */
  maxLength: number;
}

export interface TableSpec {
  /** LOAIHOSO in the envelope. */
  type: Xml130Type;
  /** The root element, the list element and the row element ('' for a one-row table). */
  root: string;
  list: string;
  row: string;
  fields: readonly FieldSpec[];
}

export const XML130_TYPES = ['XML1', 'XML2', 'XML3', 'XML4', 'XML5', 'XML7', 'XML13'] as const;
export type Xml130Type = (typeof XML130_TYPES)[number];

interface Field<N extends string> extends FieldSpec {
  name: N;
}
const text = <N extends string>(name: N, maxLength: number): Field<N> => ({ name, kind: 'text', maxLength });
const time = <N extends string>(name: N): Field<N> => ({ name, kind: 'time', maxLength: 12 });
const date = <N extends string>(name: N): Field<N> => ({ name, kind: 'date', maxLength: 8 });
const num = <N extends string>(name: N): Field<N> => ({ name, kind: 'number', maxLength: 20 });

const XML1_FIELDS = [
  text('MA_LK', 100), num('STT'), text('MA_BN', 100), text('HO_TEN', 255), text('SO_CCCD', 15), time('NGAY_SINH'),
  num('GIOI_TINH'), text('NHOM_MAU', 5), text('MA_QUOCTICH', 3), text('MA_DANTOC', 2), text('MA_NGHE_NGHIEP', 5),
  text('DIA_CHI', 1024), text('MATINH_CU_TRU', 3), text('MAHUYEN_CU_TRU', 3), text('MAXA_CU_TRU', 5),
  text('DIEN_THOAI', 15), text('MA_THE_BHYT', 255), text('MA_DKBD', 255), text('GT_THE_TU', 255),
  text('GT_THE_DEN', 255), date('NGAY_MIEN_CCT'), text('LY_DO_VV', 1024), text('LY_DO_VNT', 1024),
  text('MA_LY_DO_VNT', 5), text('CHAN_DOAN_VAO', 4000), text('CHAN_DOAN_RV', 4000), text('MA_BENH_CHINH', 7),
  text('MA_BENH_KT', 100), text('MA_BENH_YHCT', 255), text('MA_PTTT_QT', 125), text('MA_DOITUONG_KCB', 4),
  text('MA_NOI_DI', 5), text('MA_NOI_DEN', 5), text('MA_TAI_NAN', 1), time('NGAY_VAO'), time('NGAY_VAO_NOI_TRU'),
  time('NGAY_RA'), text('GIAY_CHUYEN_TUYEN', 50), num('SO_NGAY_DTRI'), text('PP_DIEU_TRI', 4000),
  num('KET_QUA_DTRI'), num('MA_LOAI_RV'), text('GHI_CHU', 4000), time('NGAY_TTOAN'), num('T_THUOC'),
  num('T_VTYT'), num('T_TONGCHI_BV'), num('T_TONGCHI_BH'), num('T_BNTT'), num('T_BNCCT'), num('T_BHTT'),
  num('T_NGUONKHAC'), num('T_BHTT_GDV'), num('NAM_QT'), num('THANG_QT'), text('MA_LOAI_KCB', 2),
  text('MA_KHOA', 50), text('MA_CSKCB', 5), text('MA_KHUVUC', 2), num('CAN_NANG'), text('CAN_NANG_CON', 100),
  date('NAM_NAM_LIEN_TUC'), date('NGAY_TAI_KHAM'), text('MA_HSBA', 100), text('MA_TTDV', 255),
  text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML2_FIELDS = [
  text('MA_LK', 100), num('STT'), text('MA_THUOC', 255), text('MA_PP_CHEBIEN', 255), text('MA_CSKCB_THUOC', 10),
  text('MA_NHOM', 2), text('TEN_THUOC', 1024), text('DON_VI_TINH', 50), text('HAM_LUONG', 1024),
  text('DUONG_DUNG', 4), text('DANG_BAO_CHE', 1024), text('LIEU_DUNG', 1024), text('CACH_DUNG', 1024),
  text('SO_DANG_KY', 255), text('TT_THAU', 50), num('PHAM_VI'), num('TYLE_TT_BH'), num('SO_LUONG'),
  num('DON_GIA'), num('THANH_TIEN_BV'), num('THANH_TIEN_BH'), num('T_NGUONKHAC_NSNN'), num('T_NGUONKHAC_VTNN'),
  num('T_NGUONKHAC_VTTN'), num('T_NGUONKHAC_CL'), num('T_NGUONKHAC'), num('MUC_HUONG'), num('T_BNTT'),
  num('T_BNCCT'), num('T_BHTT'), text('MA_KHOA', 20), text('MA_BAC_SI', 255), text('MA_DICH_VU', 255),
  time('NGAY_YL'), time('NGAY_TH_YL'), num('MA_PTTT'), num('NGUON_CTRA'), text('VET_THUONG_TP', 1),
  text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML3_FIELDS = [
  text('MA_LK', 100), num('STT'), text('MA_DICH_VU', 50), text('MA_PTTT_QT', 255), text('MA_VAT_TU', 255),
  text('MA_NHOM', 2), text('GOI_VTYT', 3), text('TEN_VAT_TU', 1024), text('TEN_DICH_VU', 1024),
  text('MA_XANG_DAU', 20), text('DON_VI_TINH', 50), num('PHAM_VI'), num('SO_LUONG'), num('DON_GIA_BV'),
  num('DON_GIA_BH'), text('TT_THAU', 25), num('TYLE_TT_DV'), num('TYLE_TT_BH'), num('THANH_TIEN_BV'),
  num('THANH_TIEN_BH'), num('T_TRANTT'), num('MUC_HUONG'), num('T_NGUONKHAC_NSNN'), num('T_NGUONKHAC_VTNN'),
  num('T_NGUONKHAC_VTTN'), num('T_NGUONKHAC_CL'), num('T_NGUONKHAC'), num('T_BNTT'), num('T_BNCCT'),
  num('T_BHTT'), text('MA_KHOA', 20), text('MA_GIUONG', 50), text('MA_BAC_SI', 255), text('NGUOI_THUC_HIEN', 255),
  text('MA_BENH', 100), text('MA_BENH_YHCT', 255), time('NGAY_YL'), time('NGAY_TH_YL'), time('NGAY_KQ'),
  num('MA_PTTT'), text('VET_THUONG_TP', 1), text('PP_VO_CAM', 3), text('VI_TRI_TH_DVKT', 3), text('MA_MAY', 1024),
  text('MA_HIEU_SP', 255), num('TAI_SU_DUNG'), text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML4_FIELDS = [
  text('MA_LK', 100), num('STT'), text('MA_DICH_VU', 15), text('MA_CHI_SO', 255), text('TEN_CHI_SO', 255),
  text('GIA_TRI', 255), text('DON_VI_DO', 50), text('MO_TA', 4000), text('KET_LUAN', 4000), time('NGAY_KQ'),
  text('MA_BS_DOC_KQ', 255), text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML5_FIELDS = [
  text('MA_LK', 100), num('STT'), text('DIEN_BIEN_LS', 8000), text('GIAI_DOAN_BENH', 4000),
  text('HOI_CHAN', 4000), text('PHAU_THUAT', 4000), time('THOI_DIEM_DBLS'), text('NGUOI_THUC_HIEN', 255),
  text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML7_FIELDS = [
  text('MA_LK', 100), text('SO_LUU_TRU', 200), text('MA_YTE', 200), text('MA_KHOA_RV', 200), time('NGAY_VAO'),
  time('NGAY_RA'), num('MA_DINH_CHI_THAI'), text('NGUYENNHAN_DINHCHI', 4000), time('THOIGIAN_DINHCHI'),
  num('TUOI_THAI'), text('CHAN_DOAN_RV', 4000), text('PP_DIEUTRI', 4000), text('GHI_CHU', 4000),
  text('MA_TTDV', 255), text('MA_BS', 255), text('TEN_BS', 255), date('NGAY_CT'), text('MA_CHA', 10),
  text('MA_ME', 10), text('MA_THE_TAM', 15), text('HO_TEN_CHA', 255), text('HO_TEN_ME', 255), num('SO_NGAY_NGHI'),
  date('NGOAITRU_TUNGAY'), date('NGOAITRU_DENNGAY'), text('DU_PHONG', 4000),
] as const; // prettier-ignore

const XML13_FIELDS = [
  text('MA_LK', 100), text('SO_HOSO', 50), text('SO_CHUYENTUYEN', 50), text('GIAY_CHUYEN_TUYEN', 50),
  text('MA_CSKCB', 5), text('MA_NOI_DI', 5), text('MA_NOI_DEN', 5), text('HO_TEN', 255), time('NGAY_SINH'),
  num('GIOI_TINH'), text('MA_QUOCTICH', 3), text('MA_DANTOC', 2), text('MA_NGHE_NGHIEP', 5), text('DIA_CHI', 1024),
  text('MA_THE_BHYT', 255), text('GT_THE_DEN', 255), time('NGAY_VAO'), time('NGAY_VAO_NOI_TRU'), time('NGAY_RA'),
  text('DAU_HIEU_LS', 4000), text('CHAN_DOAN_RV', 4000), text('QT_BENHLY', 4000), text('TOMTAT_KQ', 4000),
  text('PP_DIEUTRI', 4000), text('MA_BENH_CHINH', 7), text('MA_BENH_KT', 100), text('MA_BENH_YHCT', 255),
  text('TEN_DICH_VU', 4000), text('TEN_THUOC', 4000), num('MA_LOAI_RV'), num('MA_LYDO_CT'),
  text('HUONG_DIEU_TRI', 4000), text('PHUONGTIEN_VC', 255), text('HOTEN_NGUOI_HT', 255),
  text('CHUCDANH_NGUOI_HT', 255), text('MA_BAC_SI', 255), text('MA_TTDV', 255), text('DU_PHONG', 4000),
] as const; // prettier-ignore

export const XML130_TABLES: Readonly<Record<Xml130Type, TableSpec>> = {
  XML1: { type: 'XML1', root: 'TONG_HOP', list: '', row: '', fields: XML1_FIELDS },
  XML2: { type: 'XML2', root: 'CHITIEU_CHITIET_THUOC', list: 'DSACH_CHI_TIET_THUOC', row: 'CHI_TIET_THUOC', fields: XML2_FIELDS },
  XML3: { type: 'XML3', root: 'CHITIEU_CHITIET_DVKT_VTYT', list: 'DSACH_CHI_TIET_DVKT', row: 'CHI_TIET_DVKT', fields: XML3_FIELDS },
  XML4: { type: 'XML4', root: 'CHITIEU_CHITIET_DICHVUCANLAMSANG', list: 'DSACH_CHI_TIET_CLS', row: 'CHI_TIET_CLS', fields: XML4_FIELDS },
  XML5: { type: 'XML5', root: 'CHITIEU_CHITIET_DIENBIENLAMSANG', list: 'DSACH_CHI_TIET_DIEN_BIEN_BENH', row: 'CHI_TIET_DIEN_BIEN_BENH', fields: XML5_FIELDS },
  XML7: { type: 'XML7', root: 'CHI_TIEU_DU_LIEU_GIAY_RA_VIEN', list: '', row: '', fields: XML7_FIELDS },
  XML13: { type: 'XML13', root: 'CHI_TIEU_GIAYCHUYENTUYEN', list: '', row: '', fields: XML13_FIELDS },
}; // prettier-ignore

type FieldNames<F extends readonly FieldSpec[]> = F[number]['name'];
/** One row of a table: every field, in any order here; the writer puts them in the published one. */
export type Xml1Row = Record<FieldNames<typeof XML1_FIELDS>, string>;
export type Xml2Row = Record<FieldNames<typeof XML2_FIELDS>, string>;
export type Xml3Row = Record<FieldNames<typeof XML3_FIELDS>, string>;
export type Xml4Row = Record<FieldNames<typeof XML4_FIELDS>, string>;
export type Xml5Row = Record<FieldNames<typeof XML5_FIELDS>, string>;
export type Xml7Row = Record<FieldNames<typeof XML7_FIELDS>, string>;
export type Xml13Row = Record<FieldNames<typeof XML13_FIELDS>, string>;

/** A row with every field of `spec` empty: a builder fills what Sen knows, the rest stays empty. */
export function emptyRow(spec: TableSpec): Record<string, string> {
  return Object.fromEntries(spec.fields.map((field) => [field.name, '']));
}
