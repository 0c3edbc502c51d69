import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A file's SHA-512 in base64, as latest.yml states it; read as a stream (installers are ~100 MB). */
export async function fileSha512(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}
