import { describe, expect, it } from 'vitest';
import { applyEdits, EditConflictError, editsConflict } from './edits';

describe('applyEdits', () => {
  it('applies edits given in any order by position', () => {
    const text = 'create_engine(url)';
    const out = applyEdits(text, [
      { start: 17, end: 17, text: ', pool_pre_ping=True' },
      { start: 14, end: 17, text: 'URL' },
    ]);
    expect(out).toBe('create_engine(URL, pool_pre_ping=True)');
  });

  it('keeps the given order for insertions at the same offset', () => {
    const out = applyEdits('f(a)', [
      { start: 3, end: 3, text: ', b=1' },
      { start: 3, end: 3, text: ', c=2' },
    ]);
    expect(out).toBe('f(a, b=1, c=2)');
  });

  it('puts an insertion before a replacement that starts at the same offset', () => {
    expect(
      applyEdits('abc', [
        { start: 1, end: 2, text: 'X' },
        { start: 1, end: 1, text: '+' },
      ]),
    ).toBe('a+Xc');
  });

  it('rejects overlapping replacements and insertions inside a replaced range', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 1, end: 4, text: 'x' },
        { start: 3, end: 5, text: 'y' },
      ]),
    ).toThrow(EditConflictError);
    expect(() =>
      applyEdits('abcdef', [
        { start: 1, end: 4, text: 'x' },
        { start: 2, end: 2, text: 'y' },
      ]),
    ).toThrow(EditConflictError);
  });

  it('allows adjacent edits and rejects edits outside the text', () => {
    expect(editsConflict({ start: 0, end: 2, text: '' }, { start: 2, end: 4, text: '' })).toBe(false);
    expect(
      applyEdits('abcd', [
        { start: 0, end: 2, text: 'X' },
        { start: 2, end: 4, text: 'Y' },
      ]),
    ).toBe('XY');
    expect(() => applyEdits('ab', [{ start: 1, end: 5, text: '' }])).toThrow(RangeError);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings and Monaco do', () => {
    const text = 'x = "😀"; y = 1';
    const at = text.indexOf('1');
    expect(applyEdits(text, [{ start: at, end: at + 1, text: '2' }])).toBe('x = "😀"; y = 2');
  });
});
