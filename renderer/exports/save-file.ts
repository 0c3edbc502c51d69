import type { ExportFile } from './exports-repository';

/** How long the file's blob URL stays valid: the download has started well before. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a file the way a browser downloads one: a link with `download` clicked. The browser build
 * puts it in the Downloads folder (or asks, by the browser's setting); Electron, which has no
 * `will-download` handler in Sen, asks where to save it with its own dialog. A download is not a
 * navigation, so the window's navigation guard does not stop it, and it asks no permission.
 */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
