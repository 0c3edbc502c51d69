import { create } from 'xmlbuilder2';
import { XML130_TABLES, XML130_TYPES, type FieldSpec, type Xml130Type } from './xml130-tables';

/**
 * The XSD of each table, written from the field lists in xml130-tables.ts: every field present,
 * in the published order, with its kind (times 12 digits, dates 8, numbers, text up to its
 * length), and the fields a claim cannot go without non-empty. `npm run xsd:xml130` writes them
 * to shared/exports/xsd/; a unit test fails when the files and the lists disagree.
 */
export const REQUIRED_FIELDS: Readonly<Record<Xml130Type, readonly string[]>> = {
  XML1: [
    'MA_LK', 'STT', 'MA_BN', 'HO_TEN', 'NGAY_SINH', 'GIOI_TINH', 'CHAN_DOAN_RV', 'MA_BENH_CHINH', 'NGAY_VAO',
    'NGAY_RA', 'MA_LOAI_KCB', 'MA_KHOA', 'MA_CSKCB',
  ],
  XML2: ['MA_LK', 'STT', 'MA_THUOC', 'TEN_THUOC', 'SO_LUONG', 'NGAY_YL'],
  XML3: ['MA_LK', 'STT', 'MA_DICH_VU', 'TEN_DICH_VU', 'SO_LUONG', 'NGAY_YL'],
  XML4: ['MA_LK', 'STT', 'MA_DICH_VU', 'MA_CHI_SO', 'TEN_CHI_SO', 'GIA_TRI', 'NGAY_KQ'],
  XML5: ['MA_LK', 'STT', 'DIEN_BIEN_LS', 'THOI_DIEM_DBLS'],
  XML7: ['MA_LK', 'MA_YTE', 'MA_KHOA_RV', 'NGAY_VAO', 'NGAY_RA', 'CHAN_DOAN_RV', 'PP_DIEUTRI', 'MA_BS', 'NGAY_CT'],
  XML13: ['MA_LK', 'SO_CHUYENTUYEN', 'MA_NOI_DI', 'MA_NOI_DEN', 'HO_TEN', 'NGAY_SINH', 'GIOI_TINH', 'CHAN_DOAN_RV'],
}; // prettier-ignore

const PATTERNS = { time: '\\d{12}', date: '\\d{8}', number: '-?\\d+(\\.\\d+)?' } as const;

type Element = ReturnType<ReturnType<typeof create>['ele']>;

function addField(sequence: Element, field: FieldSpec, required: boolean): void {
  const restriction = sequence
    .ele('xs:element', { name: field.name })
    .ele('xs:simpleType')
    .ele('xs:restriction', { base: 'xs:string' });
  if (field.kind === 'text') {
    if (required) restriction.ele('xs:minLength', { value: '1' });
    restriction.ele('xs:maxLength', { value: String(field.maxLength) });
  } else {
    const pattern = PATTERNS[field.kind];
    restriction.ele('xs:pattern', { value: required ? pattern : `(${pattern})?` });
  }
}

export function tableXsd(type: Xml130Type): string {
  const spec = XML130_TABLES[type];
  const required = new Set(REQUIRED_FIELDS[type]);
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const schema = document.ele('xs:schema', { 'xmlns:xs': 'http://www.w3.org/2001/XMLSchema' });
  schema.com(
    ` ${type} of Decision 130/QĐ-BYT as amended by 4750/QĐ-BYT and 3176/QĐ-BYT; written from shared/exports/xml130/xml130-tables.ts `,
  );
  const fieldsOf = (parent: Element) => {
    const sequence = parent.ele('xs:complexType').ele('xs:sequence');
    for (const field of spec.fields) addField(sequence, field, required.has(field.name));
  };
  const root = schema.ele('xs:element', { name: spec.root });
  if (spec.list === '') {
    fieldsOf(root);
  } else {
    const list = root.ele('xs:complexType').ele('xs:sequence').ele('xs:element', { name: spec.list });
    const row = list
      .ele('xs:complexType')
      .ele('xs:sequence')
      .ele('xs:element', { name: spec.row, minOccurs: '1', maxOccurs: 'unbounded' });
    fieldsOf(row);
  }
  return document.end({ prettyPrint: true }) + '\n';
}

/** The envelope: GIAMDINHHS / THONGTINDONVI / THONGTINHOSO / DANHSACHHOSO / HOSO / FILEHOSO. */
export function envelopeXsd(): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const schema = document.ele('xs:schema', { 'xmlns:xs': 'http://www.w3.org/2001/XMLSchema' });
  const sequenceOf = (element: Element) => element.ele('xs:complexType').ele('xs:sequence');
  const root = sequenceOf(schema.ele('xs:element', { name: 'GIAMDINHHS' }));
  sequenceOf(root.ele('xs:element', { name: 'THONGTINDONVI' }))
    .ele('xs:element', { name: 'MACSKCB' })
    .ele('xs:simpleType')
    .ele('xs:restriction', { base: 'xs:string' })
    .ele('xs:pattern', { value: '\\d{5}' });
  const information = sequenceOf(root.ele('xs:element', { name: 'THONGTINHOSO' }));
  information
    .ele('xs:element', { name: 'NGAYLAP' })
    .ele('xs:simpleType')
    .ele('xs:restriction', { base: 'xs:string' })
    .ele('xs:pattern', { value: PATTERNS.date });
  information.ele('xs:element', { name: 'SOLUONGHOSO', type: 'xs:positiveInteger' });
  const files = sequenceOf(
    sequenceOf(information.ele('xs:element', { name: 'DANHSACHHOSO' })).ele('xs:element', {
      name: 'HOSO',
      maxOccurs: 'unbounded',
    }),
  ).ele('xs:element', { name: 'FILEHOSO', maxOccurs: 'unbounded' });
  const file = sequenceOf(files);
  const types = file
    .ele('xs:element', { name: 'LOAIHOSO' })
    .ele('xs:simpleType')
    .ele('xs:restriction', { base: 'xs:string' });
  for (const type of XML130_TYPES) types.ele('xs:enumeration', { value: type });
  file.ele('xs:element', { name: 'NOIDUNGFILE', type: 'xs:base64Binary' });
  root.ele('xs:element', { name: 'CHUKYDONVI', type: 'xs:string' });
  return document.end({ prettyPrint: true }) + '\n';
}

/** Every XSD file by name, as shared/exports/xsd/ holds them. */
export function allXsdFiles(): Record<string, string> {
  const files: Record<string, string> = { 'GIAMDINHHS.xsd': envelopeXsd() };
  for (const type of XML130_TYPES) files[`${type}.xsd`] = tableXsd(type);
  return files;
}
