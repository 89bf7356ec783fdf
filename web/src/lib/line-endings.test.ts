import { describe, expect, it } from 'vitest';
import { alignModelWithText, dominantLineEnding, type LineEndingModel } from './line-endings';

/** A model as Monaco makes one: one line ending for all lines, the byte-order mark dropped. */
function fakeModel(text: string, eol: '\n' | '\r\n') {
  const state = {
    eol,
    content: text.replace(/^\uFEFF/, '').replace(/\r\n|\r|\n/g, eol),
    calls: [] as string[],
  };
  const model: LineEndingModel = {
    getEOL: () => state.eol,
    setEOL: (value) => {
      state.calls.push(`setEOL ${value}`);
      state.eol = value === 1 ? '\r\n' : '\n';
      state.content = state.content.replace(/\r\n|\n/g, state.eol);
    },
    getLineContent: (line) => state.content.split(/\r\n|\n/)[line - 1] ?? '',
    applyEdits: (edits) => {
      for (const edit of edits) {
        state.calls.push(
          `insert ${[...edit.text].map((c) => `U+${c.codePointAt(0)?.toString(16).toUpperCase()}`).join(' ')} at ${edit.range.startLineNumber}:${edit.range.startColumn}`,
        );
        state.content = edit.text + state.content;
      }
    },
  };
  return { model, state };
}

describe('dominantLineEnding', () => {
  it('follows most lines, as Monaco does', () => {
    expect(dominantLineEnding('a\r\nb\r\n')).toBe('\r\n');
    expect(dominantLineEnding('a\nb\n')).toBe('\n');
    expect(dominantLineEnding('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantLineEnding('a\r\nb\nc\n')).toBe('\n');
    expect(dominantLineEnding('a\rb\rc\n')).toBe('\r\n');
    expect(dominantLineEnding('no line break')).toBeNull();
    expect(dominantLineEnding('')).toBeNull();
  });
});

describe('alignModelWithText', () => {
  it('gives an LF model the CRLF and byte-order mark of the text', () => {
    const text = '\uFEFFa = 1\r\nb = 2\r\n';
    const { model, state } = fakeModel(text, '\n');
    alignModelWithText(model, text);
    expect(state.calls).toEqual(['setEOL 1', 'insert U+FEFF at 1:1']);
    expect(state.content).toBe(text);
  });

  it('changes nothing that already matches', () => {
    const { model, state } = fakeModel('a = 1\r\n', '\r\n');
    alignModelWithText(model, 'a = 1\r\n');
    const plain = fakeModel('a = 1\n', '\n');
    alignModelWithText(plain.model, 'a = 1\n');
    const single = fakeModel('a = 1', '\r\n');
    alignModelWithText(single.model, 'a = 1');
    expect([...state.calls, ...plain.state.calls, ...single.state.calls]).toEqual([]);
  });

  it('goes back to LF for an LF file loaded after a CRLF one', () => {
    const { model, state } = fakeModel('a = 1\r\n', '\r\n');
    alignModelWithText(model, 'b = 2\nc = 3\n');
    expect(state.calls).toEqual(['setEOL 0']);
  });
});
