import { create } from 'xmlbuilder2';
import type { HoSoBenhAn } from './hosobenhan';

type XmlParent = ReturnType<ReturnType<typeof create>['ele']>;

/** A list's elements are named `muc` (item): the group's own element says what they are. */
const ITEM = 'muc';

function addValue(parent: XmlParent, name: string, value: unknown): void {
  if (value === null || value === undefined) {
    parent.ele(name);
  } else if (Array.isArray(value)) {
    const list = parent.ele(name);
    for (const item of value) addValue(list, ITEM, item);
  } else if (typeof value === 'object') {
    const element = parent.ele(name);
    for (const [key, child] of Object.entries(value)) addValue(element, key, child);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    parent.ele(name).txt(String(value));
  }
}

/** The same record as XML (UTF-8): element names are the JSON keys, lists hold `muc` elements. */
export function hoSoBenhAnXml(record: HoSoBenhAn): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const root = document.ele('HoSoBenhAn');
  for (const [key, value] of Object.entries(record)) addValue(root, key, value);
  return document.end({ prettyPrint: true });
}
