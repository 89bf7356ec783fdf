import type { FormatDetection, FormatId } from '../../../engine/index';
import { FORMATS } from './engine';

/** Saves through a blob: URL, so the file never leaves the browser. */
export function saveText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The opened file's own name when known, else `patched` plus the format's usual extension. */
export function patchedFileName(filename: string | null, format: FormatDetection['format']): string {
  if (filename) return filename;
  return format === 'unknown' ? 'patched.txt' : `patched${FORMATS[format as FormatId].defaultExtension}`;
}

/** The patched download's name with `.redacted` before the extension: `db.py` → `db.redacted.py`. */
export function redactedFileName(filename: string | null, format: FormatDetection['format']): string {
  const name = patchedFileName(filename, format);
  const dot = name.lastIndexOf('.');
  // A leading dot is a dotfile's name, not an extension (`.env` → `.env.redacted`).
  return dot > 0 ? `${name.slice(0, dot)}.redacted${name.slice(dot)}` : `${name}.redacted`;
}
