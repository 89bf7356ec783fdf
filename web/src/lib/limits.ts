import { MAX_INPUT_CHARS } from './engine';

/**
 * Text longer than this stays out of the editors: Monaco slows to a crawl on multi-megabyte models,
 * and the engine refuses such input anyway.
 */
export const EDITOR_MAX_CHARS = MAX_INPUT_CHARS;

/** Pauses in typing shorter than this do not start an analysis. */
export const TYPING_DEBOUNCE_MS = 250;

export function formatSize(chars: number): string {
  if (chars < 1024) return `${chars} characters`;
  const kib = chars / 1024;
  const size = kib < 1024 ? `${kib.toFixed(1)} KiB` : `${(kib / 1024).toFixed(1)} MiB`;
  return `${size} (${chars.toLocaleString('en')} characters)`;
}
