/**
 * Where a PC keeps an installer while it downloads and once it is verified: a part that grows
 * across cuts, and a ready file the installer runs from at the next restart. Nothing here touches
 * the installed app: a bad download can only ever be discarded.
 */
export interface DownloadStore {
  /** Bytes of `fileName` already downloaded (a part an earlier cut left), 0 when none. */
  partSize(fileName: string): Promise<number>;
  append(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Forgets the part: a mismatch, a server that restarts the file, a part longer than the file. */
  discardPart(fileName: string): Promise<void>;
  /** SHA-512 of the part, base64 (latest.yml's form). */
  partSha512(fileName: string): Promise<string>;
  /** The part becomes the ready installer; returns where it lies. */
  promote(fileName: string): Promise<string>;
  /** The ready installer of `fileName`, if one was verified before. */
  readyPath(fileName: string): Promise<string | null>;
}
