import type { EnvironmentProfile } from '../core/environment';
import { checkInput } from '../core/input';
import type { RedactedText } from '../core/redacted';
import type { Finding, InputProblem, ParseDiagnostic } from '../core/types';
import { type Redaction, type RedactOptions, redact } from '../redaction/redact';
import { RULES, type Rule } from '../rules/index';
import { detectFormat, type FormatDetection } from '../wasm-parsers/detect';
import { FORMATS, type FormatId } from '../wasm-parsers/formats';
import type { ParsedDocument, ParserHost } from '../wasm-parsers/parser-host';
import { embeddedDocuments } from './embedded';
import {
  applyFixes,
  type FixPass,
  type FixSelection,
  lineTextAt,
  mapOffset,
  matchWaiting,
  selectFixes,
  type WaitingFix,
} from './fix';
import { describeFailure, triage } from './triage/index';

export interface AnalyseOptions extends FixSelection {
  filename?: string;
  /** Overrides detection. */
  format?: FormatId;
  environment?: EnvironmentProfile;
  /** Run only these rule ids (the fixture harness uses it); opt-in rules named here run too. */
  rules?: readonly string[];
  /** Also run the opt-in advisories. */
  optIn?: boolean;
  /** Categories to redact, values the person un-redacted, ranges they chose to hide. */
  redaction?: RedactOptions;
}

export interface Timings {
  detectMs: number;
  parseMs: number;
  rulesMs: number;
  fixMs: number;
  redactMs: number;
  totalMs: number;
}

export interface SkippedFix {
  findingId: string;
  reason: 'conflict' | 'breaks-syntax';
}

export interface AnalysisResult {
  format: FormatDetection;
  findings: Finding[];
  /** The input with the selected fixes applied (safe ones by default). Equal to the input when none apply. */
  patched: string;
  /**
   * Ids of findings whose fixes are in `patched`. With an explicit selection, chosen fixes a later
   * pass applied are listed under their original ids; with a policy, fixes found by later passes are not.
   */
  applied: string[];
  skipped: SkippedFix[];
  diagnostics: ParseDiagnostic[];
  /** Known error texts in the input (a pasted traceback): which stack failed, how, and what to paste next. */
  errors: ErrorDiagnosis[];
  /** Keys of configs embedded in a YAML manifest that were analysed too (e.g. `pgbouncer.ini`). */
  embedded: string[];
  problems: InputProblem[];
  redacted: RedactedText;
  redactions: Redaction[];
  timings: Timings;
}

/** A recognised error text, as plain data (it crosses the worker boundary). */
export interface ErrorDiagnosis {
  id: string;
  stack: string;
  library: string;
  failure: string;
  meaning: string;
  rules: readonly string[];
  next: string;
  line: number;
  excerpt: string;
}

export interface EngineOptions {
  host: ParserHost;
  /** The rule catalog; the registry by default. Tests of the fix loop pass their own. */
  rules?: readonly Rule[];
  /** A monotonic clock in milliseconds; `performance.now` by default. */
  now?: () => number;
}

export interface Engine {
  analyse(text: string, options?: AnalyseOptions): Promise<AnalysisResult>;
}

/** Traceback and log shapes: a Python traceback, a Java/JS stack frame, an `XError:` / `Exception` line. */
const LOOKS_LIKE_ERROR_OUTPUT =
  /Traceback \(most recent call last\)|^\s+at [\w.$<>]+[ (]|^[\w.]*(Error|Exception)\b.*:|^\s*(ERROR|FATAL):/m;

/** More passes than any real file needs: each pass applies what the previous one had to defer. */
const MAX_FIX_PASSES = 4;

/** Which rules run: the named ones, or every rule but the opt-in advisories unless they are wanted. */
export interface RuleFilter {
  only?: readonly string[];
  optIn?: boolean;
}

function rulesFor(catalog: readonly Rule[], format: FormatId, filter: RuleFilter | undefined): Rule[] {
  const only = filter?.only;
  return catalog.filter(
    (r) => r.formats.includes(format) && (only ? only.includes(r.id) : !r.optIn || filter?.optIn === true),
  );
}

function runRules(
  doc: ParsedDocument,
  format: FormatId,
  environment: EnvironmentProfile,
  rules: readonly Rule[],
  failed: RuleFailure[],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const before = findings.length;
    try {
      checkOne(rule);
    } catch (error) {
      // One broken rule must not take the others down: its findings are dropped and it is named.
      findings.length = before;
      failed.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return findings;

  function checkOne(rule: Rule) {
    rule.check({
      doc,
      text: doc.text,
      format,
      environment,
      report(report) {
        const id = `${rule.id}@${report.range.start}`;
        if (findings.some((f) => f.id === id)) return;
        findings.push({
          id,
          ruleId: rule.id,
          severity: report.severity ?? rule.severity,
          message: report.message,
          range: report.range,
          ...doc.lines.range(report.range),
          fix: report.fix ?? null,
        });
      },
    });
  }
}

/** A rule that threw on this input: a staleproof bug, reported instead of failing the analysis. */
export interface RuleFailure {
  ruleId: string;
  message: string;
}

export function createEngine({
  host,
  rules: catalog = RULES,
  now = () => performance.now(),
}: EngineOptions): Engine {
  async function parse(format: FormatId, text: string) {
    return host.parse(FORMATS[format].grammar, text);
  }

  interface DocumentAnalysis {
    findings: Finding[];
    diagnostics: ParseDiagnostic[];
    /** Findings and diagnostics inside embedded documents are already mapped to this text. */
    embedded: string[];
    failed: RuleFailure[];
  }

  /**
   * Parses `text`, runs the rules for its format and, for YAML, for every config embedded in a block
   * scalar (mapped back to the manifest). With `rules: false` only the syntax is checked.
   */
  async function analyseDocument(
    format: FormatId,
    text: string,
    environment: EnvironmentProfile,
    only: RuleFilter | undefined,
    withRules = true,
    timings?: Timings,
  ): Promise<DocumentAnalysis> {
    const tp = now();
    const doc = await parse(format, text);
    if (timings) timings.parseMs += now() - tp;
    try {
      const tr = now();
      const rules = withRules ? rulesFor(catalog, format, only) : [];
      const failed: RuleFailure[] = [];
      const findings = runRules(doc, format, environment, rules, failed);
      if (timings) timings.rulesMs += now() - tr;
      const diagnostics = [...doc.diagnostics];
      const embedded: string[] = [];
      if (FORMATS[format].grammar === 'yaml') {
        for (const inner of embeddedDocuments(doc)) {
          const sub = await analyseDocument(inner.format, inner.text, environment, only, withRules, timings);
          // Prose or a script that merely mentions a call is not a config.
          if (inner.byContent && sub.diagnostics.length > 0) continue;
          embedded.push(inner.key);
          failed.push(...sub.failed);
          for (const f of sub.findings) {
            const range = inner.rangeToOuter(f.range);
            findings.push({
              ...f,
              id: `${f.ruleId}@${range.start}`,
              range,
              ...doc.lines.range(range),
              message: `${inner.key}: ${f.message}`,
              fix: f.fix ? { ...f.fix, edits: f.fix.edits.map(inner.editToOuter) } : null,
            });
          }
          for (const d of sub.diagnostics) {
            const range = inner.rangeToOuter(d.range);
            diagnostics.push({
              ...d,
              range,
              ...doc.lines.range(range),
              message: `${inner.key}: ${d.message}`,
            });
          }
        }
      }
      return { findings, diagnostics, embedded, failed };
    } finally {
      doc.dispose();
    }
  }

  async function errorCount(format: FormatId, text: string): Promise<number> {
    return (await analyseDocument(format, text, {}, undefined, false)).diagnostics.length;
  }

  /** Fixes known to break the syntax, by rule and edits, so later passes do not retry them. */
  const brokenKey = (f: Finding) => `${f.ruleId}|${JSON.stringify(f.fix?.edits)}`;

  /**
   * One pass: applies `chosen` to `current` (conflicts deferred, as `applyFixes` does) and drops,
   * never writes, a fix whose result has more syntax errors than the input: first those that break
   * it alone, then, one at a time in order, those that break it on top of the ones kept before them.
   */
  async function fixPass(
    format: FormatId,
    current: string,
    chosen: readonly Finding[],
    baseErrors: number,
    broken: Set<string>,
  ): Promise<{ pass: FixPass; breaks: Finding[] }> {
    const result = applyFixes(current, chosen);
    if ((await errorCount(format, result.text)) <= baseErrors) return { pass: result, breaks: [] };
    const breaks: Finding[] = [];
    const good: Finding[] = [];
    for (const finding of result.applied) {
      const alone = applyFixes(current, [finding]);
      if ((await errorCount(format, alone.text)) > baseErrors) {
        broken.add(brokenKey(finding));
        breaks.push(finding);
      } else {
        good.push(finding);
      }
    }
    const kept: Finding[] = [];
    for (const finding of good) {
      const trial = applyFixes(current, [...kept, finding]);
      if ((await errorCount(format, trial.text)) > baseErrors) {
        broken.add(brokenKey(finding));
        breaks.push(finding);
      } else {
        kept.push(finding);
      }
    }
    return { pass: { ...applyFixes(current, kept), deferred: result.deferred }, breaks };
  }

  /**
   * Ruff's loop: apply the chosen fixes that do not conflict, re-analyse, repeat while something
   * changes. A fix whose result has more syntax errors than the input is dropped, never written.
   * Only findings of the original text are named in `applied` and `skipped`: a later pass's ids
   * point into intermediate text nobody sees.
   */
  async function patch(
    format: FormatId,
    text: string,
    firstFindings: Finding[],
    baseErrors: number,
    environment: EnvironmentProfile,
    only: RuleFilter | undefined,
    selection: FixSelection,
  ): Promise<{ patched: string; applied: string[]; skipped: SkippedFix[] }> {
    if (selection.fixes)
      return patchChosen(format, text, firstFindings, baseErrors, environment, only, selection);
    const applied: string[] = [];
    const skipped: SkippedFix[] = [];
    const broken = new Set<string>();
    let current = text;
    let findings = firstFindings;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const chosen = selectFixes(findings, { unsafe: selection.unsafe }).filter(
        (f) => !broken.has(brokenKey(f)),
      );
      if (chosen.length === 0) break;
      const step = await fixPass(format, current, chosen, baseErrors, broken);
      skipped.push(...step.breaks.map((f) => ({ findingId: f.id, reason: 'breaks-syntax' as const })));
      if (pass === 0) applied.push(...step.pass.applied.map((f) => f.id));
      const changed = step.pass.text !== current;
      current = step.pass.text;
      if (!changed && step.pass.deferred.length === 0) break;
      findings = (await analyseDocument(format, current, environment, only)).findings;
    }
    // Later passes apply what a conflict deferred; what still breaks the syntax is named once.
    const original = new Set(firstFindings.map((f) => f.id));
    const remaining = skipped.filter(
      (s, i) => original.has(s.findingId) && skipped.findIndex((t) => t.findingId === s.findingId) === i,
    );
    return { patched: current, applied, skipped: remaining };
  }

  /**
   * An explicit selection. The first pass applies the chosen findings that go together. Each one it
   * had to leave out (two fixes creating the same `connect_args`; two that parse alone but not
   * together) is found again in the patched text (`matchWaiting`) and applied on top, until none is
   * left or a pass applies none. Fixes that were not chosen are never applied; a chosen fix still
   * left is reported with the reason of its last attempt.
   */
  async function patchChosen(
    format: FormatId,
    text: string,
    firstFindings: Finding[],
    baseErrors: number,
    environment: EnvironmentProfile,
    only: RuleFilter | undefined,
    selection: FixSelection,
  ) {
    const broken = new Set<string>();
    const reasons = new Map<string, SkippedFix['reason']>();
    const chosen = selectFixes(firstFindings, selection);
    const first = await fixPass(format, text, chosen, baseErrors, broken);
    const applied = first.pass.applied.map((f) => f.id);
    for (const f of first.pass.deferred) reasons.set(f.id, 'conflict');
    for (const f of first.breaks) reasons.set(f.id, 'breaks-syntax');
    let waiting: WaitingFix[] = chosen
      .filter((f) => reasons.has(f.id))
      .map((f) => ({
        original: f,
        line: lineTextAt(text, f.range.start),
        at: mapOffset(f.range.start, first.pass.edits),
      }));
    let current = first.pass.text;
    for (let pass = 1; pass < MAX_FIX_PASSES && waiting.length > 0; pass++) {
      const found = (await analyseDocument(format, current, environment, only)).findings;
      const pairs = matchWaiting(waiting, found, current);
      const again = found.filter((f) => pairs.has(f.id) && !broken.has(brokenKey(f)));
      if (again.length === 0) break;
      const step = await fixPass(format, current, again, baseErrors, broken);
      const originalOf = (f: Finding) => (pairs.get(f.id) as WaitingFix).original.id;
      for (const f of step.pass.deferred) reasons.set(originalOf(f), 'conflict');
      for (const f of step.breaks) reasons.set(originalOf(f), 'breaks-syntax');
      const done = new Set(step.pass.applied.map(originalOf));
      if (done.size === 0) break;
      applied.push(...done);
      current = step.pass.text;
      const edits = step.pass.edits;
      waiting = waiting
        .filter((w) => !done.has(w.original.id))
        .map((w) => ({ ...w, at: w.at === null ? null : mapOffset(w.at, edits) }));
    }
    const skipped = waiting.map((w) => ({
      findingId: w.original.id,
      reason: reasons.get(w.original.id) ?? ('conflict' as const),
    }));
    return { patched: current, applied, skipped };
  }

  return {
    async analyse(text, options = {}) {
      const t0 = now();
      const environment = options.environment ?? {};
      const problems: InputProblem[] = [];
      const inputProblem = checkInput(text);
      const timings: Timings = { detectMs: 0, parseMs: 0, rulesMs: 0, fixMs: 0, redactMs: 0, totalMs: 0 };
      const unusable = inputProblem !== null && (inputProblem.fatal || inputProblem.kind === 'empty');

      const tr = now();
      const redaction = unusable && inputProblem?.kind !== 'empty' ? null : redact(text, options.redaction);
      timings.redactMs = now() - tr;

      const td = now();
      let format = detectFormat(text, { filename: options.filename, format: options.format });
      const errors = unusable ? [] : triage(text);
      // A pasted traceback or log line is an error to explain, not code to lint.
      if (format.source === 'content' && errors.length > 0 && LOOKS_LIKE_ERROR_OUTPUT.test(text)) {
        format = {
          format: 'unknown',
          confidence: 0,
          source: 'none',
          reason: 'an error message, not a config',
        };
      }
      timings.detectMs = now() - td;

      const base: AnalysisResult = {
        format,
        findings: [],
        patched: text,
        applied: [],
        skipped: [],
        diagnostics: [],
        errors: [],
        embedded: [],
        problems,
        redacted: redaction ? redaction.text : ('' as RedactedText),
        redactions: redaction ? redaction.redactions : [],
        timings,
      };
      const finish = (result: AnalysisResult) => {
        timings.totalMs = now() - t0;
        return result;
      };

      if (inputProblem) {
        problems.push(inputProblem);
        if (unusable) return finish(base);
      }
      base.errors = errors.map(({ signature, line, excerpt }) => ({
        id: signature.id,
        stack: signature.stack,
        library: signature.library,
        failure: describeFailure(signature.failure),
        meaning: signature.meaning,
        rules: signature.rules,
        next: signature.next,
        line,
        // A pasted traceback may quote a DSN: the excerpt is shown and may be shared.
        excerpt: redact(excerpt).text,
      }));
      if (format.format === 'unknown') {
        const diagnosis = base.errors[0];
        problems.push({
          kind: 'unknown-format',
          message: diagnosis
            ? `This looks like an error from ${diagnosis.library} (line ${diagnosis.line}): ${diagnosis.failure}. ${diagnosis.meaning} ${diagnosis.next}`
            : options.filename
              ? `Cannot tell what kind of config ${options.filename} is. Choose its format to check it.`
              : 'Cannot tell what kind of config this is. Choose its format, or give the file name, to check it.',
          fatal: true,
        });
        return finish(base);
      }
      const formatId = format.format;

      const filter: RuleFilter = { only: options.rules, optIn: options.optIn };
      const analysis = await analyseDocument(formatId, text, environment, filter, true, timings);
      const findings = analysis.findings;
      base.diagnostics = analysis.diagnostics;
      if (analysis.diagnostics.length > 0) {
        const first = analysis.diagnostics[0];
        const count = analysis.diagnostics.length;
        problems.push({
          kind: 'syntax-errors',
          message: `The ${FORMATS[formatId].label} parser found ${count} syntax error${count === 1 ? '' : 's'}, the first at line ${first?.line}, column ${first?.column}. Findings near them may be missing, and no fix may add new ones.`,
          fatal: false,
        });
      }
      if (analysis.failed.length > 0) {
        const names = [...new Set(analysis.failed.map((f) => f.ruleId))];
        problems.push({
          kind: 'rule-failed',
          message: `${names.length === 1 ? 'A rule' : `${names.length} rules`} failed on this input and ${names.length === 1 ? 'was' : 'were'} skipped (a staleproof bug, please report it): ${analysis.failed.map((f) => `${f.ruleId}: ${f.message}`).join('; ')}. The other rules ran.`,
          fatal: false,
        });
      }
      base.findings = findings;
      base.embedded = analysis.embedded;

      const tf = now();
      const patched = await patch(
        formatId,
        text,
        findings,
        base.diagnostics.length,
        environment,
        filter,
        options,
      );
      timings.fixMs = now() - tf;
      base.patched = patched.patched;
      base.applied = patched.applied;
      base.skipped = patched.skipped;
      return finish(base);
    },
  };
}
