/**
 * Where backup files go. Electron writes them into a folder the admin picked once (a USB stick,
 * a share); a browser can only offer each file as a download.
 */
export interface BackupTarget {
  readonly kind: 'folder' | 'download';
  /** Asks for a folder (Electron's dialog); null when the admin cancels. */
  pickFolder(): Promise<string | null>;
  /** Writes the file; `folder` is the picked one (ignored by downloads). */
  save(folder: string | null, fileName: string, text: string): Promise<void>;
}

/** The browser's: each file a download, named as it will be found in the Downloads folder. */
export const DOWNLOAD_TARGET: BackupTarget = {
  kind: 'download',
  pickFolder: () => Promise.resolve(null),
  save: (_folder, fileName, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // The download has taken the blob by now; give it a moment anyway before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve();
  },
};
