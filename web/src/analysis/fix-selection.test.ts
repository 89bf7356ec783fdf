import { describe, expect, it } from 'vitest';
import type { Finding, Redaction } from '../../../engine/index';
import {
  DEFAULT_SELECTION,
  redactedOffset,
  resolveSelection,
  selectionFromLink,
  shareSelection,
  shortSafetyNote,
} from './fix-selection';

function finding(ruleId: string, text: string, needle: string, safety: 'safe' | 'review' | null): Finding {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  return {
    id: `${ruleId}@${start}`,
    ruleId,
    severity: 'warning',
    message: ruleId,
    range: { start, end: start + needle.length },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fix: safety ? { safety, description: ruleId, edits: [] } : null,
  };
}

const TEXT = 'a = pool(x)\nb = pool(y)\n';
const findingsOf = (text: string) => [
  finding('r.safe', text, 'pool(x)', 'safe'),
  finding('r.review', text, 'pool(x)', 'review'),
  finding('r.safe', text, 'pool(y)', 'safe'),
  finding('r.none', text, 'pool(y)', null),
];

describe('fix selection', () => {
  it('defaults to the safe fixes', () => {
    const r = resolveSelection(findingsOf(TEXT), TEXT, DEFAULT_SELECTION);
    expect(r.selected).toEqual(['r.safe@4', 'r.safe@16']);
    expect(r.isDefault).toBe(true);
    expect(r.state).toEqual(DEFAULT_SELECTION);
  });

  it('applies choices on top of the base and keeps only those that differ from it', () => {
    const findings = findingsOf(TEXT);
    const r = resolveSelection(findings, TEXT, {
      base: 'safe',
      choices: [
        { id: 'r.review@4', ruleId: 'r.review', line: 'a = pool(x)', on: true },
        { id: 'r.safe@16', ruleId: 'r.safe', line: 'b = pool(y)', on: false },
      ],
    });
    expect(r.selected).toEqual(['r.safe@4', 'r.review@4']);
    expect(r.isDefault).toBe(false);
    expect(r.state.choices.map((c) => c.id)).toEqual(['r.review@4', 'r.safe@16']);
    expect(resolveSelection(findings, TEXT, { base: 'all', choices: [] }).selected).toHaveLength(3);
    expect(resolveSelection(findings, TEXT, { base: 'none', choices: [] }).selected).toEqual([]);
  });

  it('follows a finding moved by an edit above it, by rule and line text', () => {
    const choices = resolveSelection(findingsOf(TEXT), TEXT, {
      base: 'safe',
      choices: [{ id: 'r.review@4', ruleId: 'r.review', line: 'a = pool(x)', on: true }],
    }).state.choices;
    const edited = `# a comment\n${TEXT}`;
    const r = resolveSelection(findingsOf(edited), edited, { base: 'safe', choices });
    expect(r.selected).toContain('r.review@16');
    expect(r.state.choices).toEqual([
      { id: 'r.review@16', ruleId: 'r.review', line: 'a = pool(x)', on: true },
    ]);
  });

  it('drops a choice whose finding is gone', () => {
    const r = resolveSelection(findingsOf(TEXT), TEXT, {
      base: 'safe',
      choices: [{ id: 'r.gone@0', ruleId: 'r.gone', line: 'x', on: true }],
    });
    expect(r.state.choices).toEqual([]);
    expect(r.isDefault).toBe(true);
  });

  it('reads a link list, then keeps it as choices', () => {
    const r = resolveSelection(findingsOf(TEXT), TEXT, selectionFromLink({ fixes: ['r.review@4'] }));
    expect(r.selected).toEqual(['r.review@4']);
    expect(r.state.base).toBe('safe');
    expect(r.state.choices.map((c) => [c.id, c.on])).toEqual([
      ['r.safe@4', false],
      ['r.review@4', true],
      ['r.safe@16', false],
    ]);
    expect(selectionFromLink({ unsafe: true })).toEqual({ base: 'all', choices: [] });
    expect(selectionFromLink({})).toEqual(DEFAULT_SELECTION);
  });

  it('numbers shared fixes as the redacted text will', () => {
    const redactions = [
      { range: { start: 2, end: 4 }, placeholder: 'REDACTED_1' },
      { range: { start: 20, end: 30 }, placeholder: 'R' },
    ] as Redaction[];
    expect(redactedOffset(1, redactions)).toBe(1);
    expect(redactedOffset(3, redactions)).toBe(2);
    expect(redactedOffset(10, redactions)).toBe(18);
    expect(redactedOffset(40, redactions)).toBe(39);
    const findings = findingsOf(TEXT);
    expect(shareSelection(DEFAULT_SELECTION, ['r.safe@4'], findings, [])).toEqual({});
    expect(shareSelection({ base: 'all', choices: [] }, [], findings, [])).toEqual({ unsafe: true });
    expect(shareSelection({ base: 'none', choices: [] }, [], findings, [])).toEqual({ fixes: [] });
    expect(
      shareSelection(
        { base: 'safe', choices: [{ id: 'r.review@4', ruleId: 'r.review', line: '', on: true }] },
        ['r.review@4', 'r.safe@16'],
        findings,
        [{ range: { start: 0, end: 1 }, placeholder: 'XYZ' } as Redaction],
      ),
    ).toEqual({ fixes: ['r.review@6', 'r.safe@18'] });
  });

  it('shortens fix-safety texts to what a review fix may change', () => {
    expect(shortSafetyNote('review: it may cancel long queries. Another sentence.')).toBe(
      'it may cancel long queries.',
    );
    expect(
      shortSafetyNote(
        'safe when the driver is known: it moves keys. Pool keys are removed as review: size it. End.',
      ),
    ).toBe('Pool keys are removed as review: size it.');
    expect(shortSafetyNote('safe: only adds a ping. Nothing else.')).toBe('safe: only adds a ping.');
  });
});
