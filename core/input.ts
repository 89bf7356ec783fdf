import type { InputProblem } from './types';

/**
 * Above this many UTF-16 code units the engine refuses the input. Real configs are far smaller; the
 * bound keeps a stray paste of a log file from tying up a worker. 2 MiB of text parses in well under
 * a second in every grammar we ship (see `npm run bench`).
 */
export const MAX_INPUT_CHARS = 2 * 1024 * 1024;

/**
 * Text that is mostly control characters, or holds NUL bytes, is not a config file.
 * Tabs, CR, LF and form feeds are ordinary text.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.1;
}

/** Problems that stop analysis before any parsing happens. */
export function checkInput(text: string): InputProblem | null {
  if (text.trim().length === 0) {
    return { kind: 'empty', message: 'Nothing to check: the input is empty.', fatal: false };
  }
  if (text.length > MAX_INPUT_CHARS) {
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return {
      kind: 'too-large',
      message: `The input is ${mib} MiB; staleproof checks configs up to ${MAX_INPUT_CHARS / 1024 / 1024} MiB. Paste the file that configures the pool, not a whole log or bundle.`,
      fatal: true,
    };
  }
  if (looksBinary(text)) {
    return {
      kind: 'binary',
      message: 'This looks like binary data, not a text config. Paste or open the source file instead.',
      fatal: true,
    };
  }
  return null;
}
