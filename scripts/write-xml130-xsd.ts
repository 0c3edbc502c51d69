import { writeFile } from 'node:fs/promises';
import { allXsdFiles } from '../shared/exports/xml130/xml130-xsd';

/** Writes shared/exports/xsd/*.xsd from the Decision 130 field lists (shared/exports/xml130). */
const directory = new URL('../shared/exports/xsd/', import.meta.url);
for (const [name, text] of Object.entries(allXsdFiles())) {
  await writeFile(new URL(name, directory), text);
  console.log(`wrote shared/exports/xsd/${name}`);
}
