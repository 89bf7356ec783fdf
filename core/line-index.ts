import type { LineColumnRange, Utf16Offset, Utf16Range } from './types';

/** Maps UTF-16 offsets to 1-based lines and columns; built once per text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: Utf16Offset): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (this.lineStarts[lo] ?? 0) + 1 };
  }

  range(range: Utf16Range): LineColumnRange {
    const start = this.position(range.start);
    const end = this.position(range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): Utf16Offset {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0;
  }
}
