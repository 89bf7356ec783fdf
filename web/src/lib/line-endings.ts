/**
 * Monaco keeps one line ending per model and drops a byte-order mark when it creates a model, so text
 * typed there would come back with `\n` for a CRLF file, or without its BOM. These keep the model in
 * step with the text it shows, so an edit returns the file's own bytes; only a file with mixed line
 * endings is evened out, to its dominant one, once it is edited in the editor (untouched, it is kept
 * as it is).
 */

/** The part of a Monaco text model these need (no runtime import of Monaco here). */
export interface LineEndingModel {
  getEOL(): string;
  /** 0 is `EndOfLineSequence.LF`, 1 is `EndOfLineSequence.CRLF`. */
  setEOL(eol: 0 | 1): void;
  getLineContent(lineNumber: number): string;
  applyEdits(
    edits: Array<{
      range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
      text: string;
    }>,
  ): unknown;
}

/**
 * The line ending of most lines, by Monaco's own rule (CRLF when lines ending in a carriage return are
 * more than half), or null for text without line breaks.
 */
export function dominantLineEnding(text: string): '\r\n' | '\n' | null {
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr++;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  // A `\r\n` counts once in each: lines = lone CRs + lone LFs + CRLFs = cr + lf - crlf.
  let crlf = 0;
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) crlf++;
  const lines = cr + lf - crlf;
  if (lines === 0) return null;
  return cr > lines / 2 ? '\r\n' : '\n';
}

/**
 * Makes `model` (showing `text`) return `text`'s line ending and byte-order mark from now on. Changes
 * only what differs; the line-ending change is an `isEolChange` event, which is no edit of the text.
 */
export function alignModelWithText(model: LineEndingModel, text: string): void {
  const eol = dominantLineEnding(text);
  if (eol !== null && model.getEOL() !== eol) model.setEOL(eol === '\r\n' ? 1 : 0);
  if (text.startsWith('\uFEFF') && !model.getLineContent(1).startsWith('\uFEFF')) {
    model.applyEdits([
      { range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, text: '\uFEFF' },
    ]);
  }
}
