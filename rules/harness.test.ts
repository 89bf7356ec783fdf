/**
 * The rule harness: every rule, every fixture, the same checks. Adding a rule adds a folder and a
 * registry line, never test code. Outcomes are named as ast-grep names them: a rule is "missing"
 * when silent on an ng fixture and "noisy" when it fires on an ok fixture.
 *
 * Goldens: `ng-NAME.fixed.EXT` holds the result of the rule's safe fixes, `ng-NAME.unsafe.EXT` the
 * result with review fixes too (only where the rule has any). `npm run golden:update` rewrites them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../core/edits';
import { type EnvironmentProfile, parseEnvironmentAssignments } from '../core/environment';
import type { Finding, TextEdit } from '../core/types';
import { redact } from '../redaction/redact';
import { engine, host } from '../tests/support/engine';
import { detectFormat } from '../wasm-parsers/detect';
import { FORMATS } from '../wasm-parsers/formats';
import { RULES } from './index';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const here = new URL('.', import.meta.url).pathname;

export function ruleFolder(id: string): string {
  return join(here, ...id.split('.'));
}

function fixtures(id: string) {
  const dir = join(ruleFolder(id), 'fixtures');
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  // `NAME.environment` beside a fixture holds the `NAME=VALUE` profile it runs with (as `--env` takes it).
  const inputs = names.filter((n) => !/\.(fixed|unsafe)\.[^.]+$/.test(n) && !n.endsWith('.environment'));
  return {
    dir,
    ng: inputs.filter((n) => n.startsWith('ng-')),
    ok: inputs.filter((n) => n.startsWith('ok-')),
  };
}

function environmentOf(dir: string, fixture: string): EnvironmentProfile {
  const path = join(dir, `${fixture.slice(0, fixture.lastIndexOf('.'))}.environment`);
  if (!existsSync(path)) return {};
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return parseEnvironmentAssignments(lines);
}

function goldenName(fixture: string, kind: 'fixed' | 'unsafe'): string {
  const dot = fixture.lastIndexOf('.');
  return `${fixture.slice(0, dot)}.${kind}${fixture.slice(dot)}`;
}

function checkGolden(dir: string, name: string, actual: string) {
  const path = join(dir, name);
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `golden ${name} is missing: run npm run golden:update and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** The patched text keeps every byte of the original outside the edited ranges, in order. */
function expectUntouchedOutside(original: string, patched: string, edits: readonly TextEdit[]) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  let at = 0;
  for (const edit of sorted) {
    const kept = original.slice(from, edit.start);
    expect(patched.slice(at, at + kept.length)).toBe(kept);
    at += kept.length + edit.text.length;
    from = Math.max(from, edit.end);
  }
  expect(patched.slice(at)).toBe(original.slice(from));
}

async function syntaxErrors(fixture: string, text: string): Promise<number> {
  const detection = detectFormat(text, { filename: fixture });
  if (detection.format === 'unknown') throw new Error(`cannot detect the format of ${fixture}`);
  const doc = await host.parse(FORMATS[detection.format].grammar, text);
  try {
    return doc.diagnostics.length;
  } finally {
    doc.dispose();
  }
}

for (const rule of RULES) {
  const { dir, ng, ok } = fixtures(rule.id);
  describe(rule.id, () => {
    it('has fixtures that must fire and fixtures that must stay silent', () => {
      expect(ng.length, `${dir} needs ng-* fixtures`).toBeGreaterThan(0);
      expect(ok.length, `${dir} needs ok-* fixtures`).toBeGreaterThan(0);
    });

    for (const name of ng) {
      it(`reports ${name} and fixes it exactly as its golden shows`, async () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const options = { filename: name, rules: [rule.id], environment: environmentOf(dir, name) };
        const result = await engine.analyse(text, options);
        const mine = result.findings.filter((f) => f.ruleId === rule.id);
        expect(mine.length, `missing: ${rule.id} is silent on ${name}`).toBeGreaterThan(0);
        expect(result.problems.filter((p) => p.fatal || p.kind === 'rule-failed')).toEqual([]);

        // Every fix is internally consistent, and the rule's fixes compose.
        const fixes = mine.map((f) => f.fix).filter((f): f is NonNullable<Finding['fix']> => f !== null);
        for (const fix of fixes) expect(() => applyEdits(text, fix.edits)).not.toThrow();
        expect(() =>
          applyEdits(
            text,
            fixes.flatMap((f) => f.edits),
          ),
        ).not.toThrow();

        checkGolden(dir, goldenName(name, 'fixed'), result.patched);
        const safeEdits = mine.filter((f) => f.fix?.safety === 'safe').flatMap((f) => f.fix?.edits ?? []);
        if (result.applied.length === mine.filter((f) => f.fix?.safety === 'safe').length) {
          expectUntouchedOutside(text, result.patched, safeEdits);
        }

        const before = await syntaxErrors(name, text);
        expect(await syntaxErrors(name, result.patched), 'the fix adds syntax errors').toBeLessThanOrEqual(
          before,
        );

        const again = await engine.analyse(result.patched, options);
        expect(again.patched, 'a second run changes the fixed file again').toBe(result.patched);

        if (fixes.some((f) => f.safety === 'review')) {
          const unsafe = await engine.analyse(text, { ...options, unsafe: true });
          checkGolden(dir, goldenName(name, 'unsafe'), unsafe.patched);
          expect(await syntaxErrors(name, unsafe.patched)).toBeLessThanOrEqual(before);
          const unsafeAgain = await engine.analyse(unsafe.patched, { ...options, unsafe: true });
          expect(unsafeAgain.patched).toBe(unsafe.patched);
        } else {
          expect(existsSync(join(dir, goldenName(name, 'unsafe'))), 'stale unsafe golden').toBe(false);
        }

        // No secret from the fixture may appear in what the rule says.
        const secrets = redact(text).redactions.map((r) => text.slice(r.range.start, r.range.end));
        for (const finding of mine) {
          for (const secret of secrets) {
            expect(finding.message).not.toContain(secret);
            expect(finding.fix?.description ?? '').not.toContain(secret);
          }
        }
      });
    }

    for (const name of ok) {
      it(`stays silent on ${name}`, async () => {
        const text = readFileSync(join(dir, name), 'utf8');
        for (const unsafe of [false, true]) {
          const result = await engine.analyse(text, {
            filename: name,
            rules: [rule.id],
            unsafe,
            environment: environmentOf(dir, name),
          });
          expect(result.problems.filter((p) => p.kind === 'rule-failed')).toEqual([]);
          const noisy = result.findings.filter((f) => f.ruleId === rule.id);
          expect(noisy, `noisy: ${rule.id} fires on ${name}`).toEqual([]);
          expect(result.patched).toBe(text);
        }
      });
    }
  });
}
