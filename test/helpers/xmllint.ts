import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const XSD_DIR = new URL('../../shared/exports/xsd/', import.meta.url);

/** Validates `xml` against shared/exports/xsd/<schema>.xsd with Debian's xmllint; '' when valid, its complaint otherwise. */
export async function xmllintProblems(xml: string, schema: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sen-xml130-'));
  try {
    const file = join(directory, 'document.xml');
    await writeFile(file, xml);
    await run('xmllint', ['--noout', '--schema', new URL(`${schema}.xsd`, XSD_DIR).pathname, file]);
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
