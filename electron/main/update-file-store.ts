import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadStore } from '../../shared/updates/download-store';

/**
 * The download store on disk: `<folder>/partial/<file>` grows across cuts, `<folder>/ready/<file>`
 * is a verified installer. The folder is the app's own cache (never the install folder), so a
 * bad or half download cannot damage the running version. Node only: main, and the tests.
 */
export class UpdateFileStore implements DownloadStore {
  constructor(private readonly folder: string) {}

  private part(fileName: string): string {
    return join(this.folder, 'partial', fileName);
  }

  private ready(fileName: string): string {
    return join(this.folder, 'ready', fileName);
  }

  async partSize(fileName: string): Promise<number> {
    return sizeOf(this.part(fileName));
  }

  async append(fileName: string, bytes: Uint8Array): Promise<void> {
    await mkdir(join(this.folder, 'partial'), { recursive: true });
    await appendFile(this.part(fileName), bytes);
  }

  async discardPart(fileName: string): Promise<void> {
    await rm(this.part(fileName), { force: true });
  }

  async partSha512(fileName: string): Promise<string> {
    const hash = createHash('sha512');
    for await (const chunk of createReadStream(this.part(fileName))) hash.update(chunk as Buffer);
    return hash.digest('base64');
  }

  async promote(fileName: string): Promise<string> {
    await mkdir(join(this.folder, 'ready'), { recursive: true });
    // A rename on the same disk: the ready file is whole or absent, never half.
    await rename(this.part(fileName), this.ready(fileName));
    return this.ready(fileName);
  }

  async readyPath(fileName: string): Promise<string | null> {
    return (await sizeOf(this.ready(fileName))) > 0 ? this.ready(fileName) : null;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
