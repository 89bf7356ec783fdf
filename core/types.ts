/**
 * The shared vocabulary of staleproof. Every offset is a UTF-16 code unit index into a JS string
 * (the unit web-tree-sitter, Monaco and String.prototype.slice all use); lines and columns shown to
 * people are 1-based, columns counted in UTF-16 code units as editors do.
 */

export type Utf16Offset = number;

/** A half-open range [start, end) of UTF-16 code units. */
export interface Utf16Range {
  start: Utf16Offset;
  end: Utf16Offset;
}

/** 1-based line and column, inclusive start, exclusive end column (as ESLint and Monaco report). */
export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Replace `[start, end)` with `text`. An insertion has start === end. */
export interface TextEdit extends Utf16Range {
  text: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * `safe`: only improves resilience, applied by default.
 * `review`: may change behaviour (more reconnects, statements that now time out); applied only on request.
 */
export type FixSafety = 'safe' | 'review';

export interface Fix {
  safety: FixSafety;
  description: string;
  edits: TextEdit[];
}

export interface Finding extends LineColumnRange {
  /** Unique within one analysis: `${ruleId}@${start}`. */
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  range: Utf16Range;
  fix: Fix | null;
}

export interface ParseDiagnostic extends LineColumnRange {
  kind: 'error' | 'missing';
  message: string;
  range: Utf16Range;
}

export type InputProblemKind =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'unknown-format'
  | 'syntax-errors'
  /** A rule threw on this input (a staleproof bug); the other rules' results stand. */
  | 'rule-failed';

export interface InputProblem {
  kind: InputProblemKind;
  /** One sentence a person can act on. */
  message: string;
  /** True when the input cannot be analysed at all (the CLI exits 2). */
  fatal: boolean;
}
