/** Facts about a text's layout that format-preserving fixes must keep. */

export function detectEol(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
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
