import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index';
import { detectEol, isFirstOnLine, lineEndOffset, lineIndent } from './text';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns, CRLF included', () => {
    const text = 'a = 1\r\n\tb = 2\r\nc';
    const lines = new LineIndex(text);
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(text.indexOf('b'))).toEqual({ line: 2, column: 2 });
    expect(lines.position(text.length)).toEqual({ line: 3, column: 2 });
    expect(lines.range({ start: text.indexOf('b'), end: text.indexOf('2') + 1 })).toEqual({
      line: 2,
      column: 2,
      endLine: 2,
      endColumn: 7,
    });
    expect(lines.lineCount).toBe(3);
    expect(lines.lineStart(3)).toBe(text.indexOf('c'));
  });
});

describe('text layout helpers', () => {
  it('reads the line ending, line ends and indentation without touching the text', () => {
    expect(detectEol('a\r\nb')).toBe('\r\n');
    expect(detectEol('a\nb')).toBe('\n');
    expect(detectEol('single line')).toBe('\n');
    const text = 'x(\r\n\t\targ,  # note\r\n)';
    const arg = text.indexOf('arg');
    expect(lineIndent(text, arg)).toBe('\t\t');
    expect(isFirstOnLine(text, arg)).toBe(true);
    expect(isFirstOnLine(text, text.indexOf(','))).toBe(false);
    expect(text.slice(0, lineEndOffset(text, arg))).toBe('x(\r\n\t\targ,  # note');
  });
});
