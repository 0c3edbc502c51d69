import { create } from 'xmlbuilder2';
import { toBase64 } from '../../encoding/base64';
import { XML130_TABLES, type Xml130Type } from './xml130-tables';

/** One table of one episode, as its own UTF-8 XML document. */
export interface Xml130Table {
  type: Xml130Type;
  xml: string;
}

/**
 * A table's XML: every field of every row in the published order, an empty element where Sen
 * holds no value (the insurer's reader expects the element). xmlbuilder2 escapes the text.
 */
export function writeTable(type: Xml130Type, rows: readonly Record<string, string>[]): Xml130Table {
  const spec = XML130_TABLES[type];
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele(spec.root);
  const addFields = (parent: ReturnType<typeof document.ele>, row: Record<string, string>) => {
    for (const field of spec.fields) parent.ele(field.name).txt(row[field.name] ?? '');
  };
  if (spec.list === '') {
    const [row] = rows;
    if (row) addFields(root, row);
  } else {
    const list = root.ele(spec.list);
    for (const row of rows) addFields(list.ele(spec.row), row);
  }
  return { type, xml: document.end({ prettyPrint: true }) };
}

export interface EnvelopeEpisode {
  tables: readonly Xml130Table[];
}

const utf8Base64 = (text: string): string => toBase64(new TextEncoder().encode(text));

/**
 * The outer file of Decision 130: GIAMDINHHS with the sending facility, the day it was made and
 * one HOSO per episode, each table in a FILEHOSO as LOAIHOSO and NOIDUNGFILE (the table, base64).
 */
export function writeEnvelope(facilityCode: string, madeOn: string, episodes: readonly EnvelopeEpisode[]): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele('GIAMDINHHS');
  root.ele('THONGTINDONVI').ele('MACSKCB').txt(facilityCode);
  const information = root.ele('THONGTINHOSO');
  information.ele('NGAYLAP').txt(madeOn);
  information.ele('SOLUONGHOSO').txt(String(episodes.length));
  const list = information.ele('DANHSACHHOSO');
  for (const episode of episodes) {
    const hoso = list.ele('HOSO');
    for (const table of episode.tables) {
      const file = hoso.ele('FILEHOSO');
      file.ele('LOAIHOSO').txt(table.type);
      file.ele('NOIDUNGFILE').txt(utf8Base64(table.xml));
    }
  }
  // The facility's digital signature over the file goes here when signing with the facility's
  // certificate exists; until then the element is present and empty.
  root.ele('CHUKYDONVI');
  return document.end({ prettyPrint: true });
}
