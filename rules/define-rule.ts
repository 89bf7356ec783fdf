import type { EnvironmentProfile } from '../core/environment';
import type { Fix, Severity, Utf16Range } from '../core/types';
import type { FormatId } from '../wasm-parsers/formats';
import type { ParsedDocument } from '../wasm-parsers/parser-host';

/** The fixed shape of every rule's documentation; a meta-test checks each field is filled. */
export interface RuleDocs {
  /** What the rule looks for, in one or two sentences. */
  what: string;
  /** Why it matters: the failure a person sees without the fix. */
  why: string;
  example: { before: string; after: string };
  /** What the fix changes at run time, and why it is labelled safe or review. */
  fixSafety: string;
  /** Primary sources: docs, source code, issue threads. */
  sources: string[];
}

export interface RuleMeta {
  /** `<ecosystem>.<library>.<problem>`; never changes once shipped. Also names the rule's folder. */
  id: string;
  title: string;
  severity: Severity;
  formats: readonly FormatId[];
  docs: RuleDocs;
  /**
   * An advisory that runs only when asked for (`optIn` in the analysis options, `--opt-in` in the
   * CLI, or its id named in `rules`): useful hints that are not defects of every file.
   */
  optIn?: boolean;
}

export interface RuleReport {
  range: Utf16Range;
  message: string;
  severity?: Severity;
  fix?: Fix | null;
}

export interface RuleContext {
  doc: ParsedDocument;
  text: string;
  format: FormatId;
  environment: EnvironmentProfile;
  report(report: RuleReport): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

/** Identity at run time; gives rule modules one checked shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
