import type { FormatDetection, FormatId } from '../../../engine/index';
import { FORMATS } from './engine';

/**
 * A user's file as text, exactly: UTF-8 with a byte-order mark kept as U+FEFF (`Blob.text()` and a
 * default `TextDecoder` drop it), line endings untouched, invalid bytes as U+FFFD (the engine
 * recognises binary data from them). The CLI reads files the same way.
 */
export async function readTextFile(file: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
}

/**
 * Saves through a blob: URL, so the file never leaves the browser. The text is written as UTF-8 as it
 * is: a leading U+FEFF becomes the byte-order mark again, and line endings are not converted (a Blob
 * made from a string keeps `\r\n`, `\n` and `\r` as they are unless asked to).
 */
export function saveText(text: string, name: string, type = 'text/plain;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type, endings: 'transparent' }));
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

/** The unified diff's name: the patched file's name plus `.patch` (`db.py` → `db.py.patch`). */
export function patchFileName(filename: string | null, format: FormatDetection['format']): string {
  return `${patchedFileName(filename, format)}.patch`;
}
