import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The newest PostgreSQL server installed the Debian way (/usr/lib/postgresql/<version>/bin). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  return join(root, newest, 'bin');
}
