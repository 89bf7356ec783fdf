/** Facts about a text's layout that format-preserving fixes must keep. */

/** Rules ask once per edit; the text is the same for every rule of one analysis. */
let lastText = '';
let lastEol: '\r\n' | '\n' = '\n';

/**
 * The line break to write on new lines: the one most of the text's lines end with, CRLF only when
 * more than half do (a tie, or a text without breaks, gets LF). A lone CR counts with CRLF. This is
 * the rule of the editor the page embeds (VS Code / Monaco, `PieceTreeTextBufferFactory._getEOL`):
 * a mostly-LF file whose first line ends in CRLF keeps LF on the lines a fix adds. Prettier's
 * `endOfLine: "auto"` looks at the first break instead, but it rewrites every line, so it never
 * leaves a mix; a minimal fix inserts lines among the existing ones and should match most of them.
 */
export function detectEol(text: string): '\r\n' | '\n' {
  if (text === lastText) return lastEol;
  let breaks = 0;
  let carriage = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      breaks++;
      carriage++;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) {
      breaks++;
    }
  }
  lastText = text;
  lastEol = carriage > breaks / 2 ? '\r\n' : '\n';
  return lastEol;
}

/** Offset just past the end of the line containing `offset`, before its line break. */
export function lineEndOffset(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  if (lf === -1) return text.length;
  return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
}

export function lineStartOffset(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that starts the line containing `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStartOffset(text, offset);
  const match = /^[ \t]*/.exec(text.slice(start, start + 200));
  return match ? match[0] : '';
}

/** True when only whitespace stands between the start of its line and `offset`. */
export function isFirstOnLine(text: string, offset: number): boolean {
  const start = lineStartOffset(text, offset);
  return /^[ \t]*$/.test(text.slice(start, offset));
}
