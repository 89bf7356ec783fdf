import { describe, expect, it } from 'vitest';
import type { Finding, TextEdit } from '../core/types';
import { applyFixes, mapOffset } from './fix';

function finding(ruleId: string, edits: TextEdit[]): Finding {
  return {
    id: `${ruleId}@${edits[0]?.start ?? 0}`,
    ruleId,
    severity: 'warning',
    message: ruleId,
    range: { start: 0, end: 0 },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fix: { safety: 'safe', description: ruleId, edits },
  };
}

describe('applyFixes', () => {
  const text = 'sqlalchemy.pool_pre_ping =\n';
  const end = text.indexOf('\n');

  it('writes an edit two rules both propose once, and counts both fixes as applied', () => {
    const a = finding('config-bool-string', [{ start: end, end, text: ' true' }]);
    const b = finding('pre-ping-missing', [{ start: end, end, text: ' true' }]);
    const pass = applyFixes(text, [a, b]);
    expect(pass.text).toBe('sqlalchemy.pool_pre_ping = true\n');
    expect(pass.applied.map((f) => f.ruleId)).toEqual(['config-bool-string', 'pre-ping-missing']);
    expect(pass.deferred).toEqual([]);
  });

  it('still composes different insertions at one offset in the order given', () => {
    const a = finding('first', [{ start: end, end, text: ' A' }]);
    const b = finding('second', [{ start: end, end, text: ' B' }]);
    expect(applyFixes(text, [a, b]).text).toBe('sqlalchemy.pool_pre_ping = A B\n');
  });

  it('defers a fix that overlaps one already taken', () => {
    const a = finding('first', [{ start: 0, end: 10, text: 'x' }]);
    const b = finding('second', [{ start: 5, end: 12, text: 'y' }]);
    const pass = applyFixes(text, [a, b]);
    expect(pass.applied.map((f) => f.ruleId)).toEqual(['first']);
    expect(pass.deferred.map((f) => f.ruleId)).toEqual(['second']);
  });
});

describe('mapOffset', () => {
  const edits: TextEdit[] = [
    { start: 2, end: 2, text: 'abc' },
    { start: 10, end: 14, text: 'x' },
  ];
  it('moves an offset by the edits before it, and past an insertion at it', () => {
    expect(mapOffset(0, edits)).toBe(0);
    expect(mapOffset(2, edits)).toBe(5);
    expect(mapOffset(10 - 1, edits)).toBe(12);
    expect(mapOffset(14, edits)).toBe(14);
    expect(mapOffset(20, edits)).toBe(20);
  });
  it('loses an offset an edit replaced', () => {
    expect(mapOffset(10, edits)).toBeNull();
    expect(mapOffset(12, edits)).toBeNull();
  });
});
