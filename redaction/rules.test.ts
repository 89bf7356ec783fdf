/** Every rule's own examples, run as gitleaks runs its rule tests: found exactly, or not at all. */
import { describe, expect, it } from 'vitest';
import { RULES } from './detectors/index';
import { redact, scanRule } from './redact';

const ALL = { categories: { secrets: true, infrastructure: true } };

describe('rule catalog', () => {
  it('has unique ids, global+indices patterns, and examples of both kinds', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.pattern.flags, rule.id).toContain('g');
      expect(rule.pattern.flags, rule.id).toContain('d');
      expect(rule.examples.positive.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.negative.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords ?? []) expect(keyword, rule.id).toBe(keyword.toLowerCase());
      for (const capture of rule.captures)
        expect(rule.pattern.source, rule.id).toContain(`(?<${capture.group}>`);
    }
  });

  it('uses only bounded repetition, so no pattern can backtrack without limit', () => {
    // `+` and `*` after a group or a class can nest into super-linear backtracking: only {m,n} is allowed.
    const unbounded = RULES.filter((rule) =>
      /[)C][+*]/.test(rule.pattern.source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'C')),
    ).map((rule) => rule.id);
    expect(unbounded).toEqual([]);
  });
});

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    it.each(rule.examples.positive.map((e) => [e.text, e]))('finds the values in %j', (_text, example) => {
      const found = scanRule(rule, example.text).map((f) => example.text.slice(f.start, f.end));
      expect(new Set(found)).toEqual(new Set(example.values));
      const redacted = redact(example.text, ALL).text;
      for (const value of example.values) expect(redacted).not.toContain(value);
    });

    it.each(rule.examples.negative.map((text) => [text]))('finds nothing in %j', (text) => {
      expect(scanRule(rule, text).map((f) => text.slice(f.start, f.end))).toEqual([]);
    });
  });
}
