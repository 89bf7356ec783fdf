import type { RedactedText } from '../core/redacted';
import type { Utf16Range } from '../core/types';
import type { RedactionMap } from './placeholders';

/**
 * What a redacted value was. `manual` is a range the person selected by hand. Each kind has its own
 * placeholder label (`REDACTED_PASSWORD_1`, `REDACTED_HOST_2`, …), so a reader still knows what stood there.
 */
export type RedactionKind =
  | 'password'
  | 'token'
  | 'private-key'
  | 'certificate'
  | 'cloud-key'
  | 'account-id'
  | 'arn'
  | 'manual'
  | 'host'
  | 'ip'
  | 'database'
  | 'user';

/**
 * Secrets grant access; infrastructure identifiers only tell where things are. People share the
 * second kind more willingly, so it can be switched off on its own.
 */
export type RedactionCategory = 'secret' | 'infrastructure';

export const CATEGORY_OF: Readonly<Record<RedactionKind, RedactionCategory>> = {
  password: 'secret',
  token: 'secret',
  'private-key': 'secret',
  certificate: 'secret',
  'cloud-key': 'secret',
  'account-id': 'secret',
  arn: 'secret',
  manual: 'secret',
  host: 'infrastructure',
  ip: 'infrastructure',
  database: 'infrastructure',
  user: 'infrastructure',
};

export interface Redaction {
  kind: RedactionKind;
  category: RedactionCategory;
  /** Which rule found it, e.g. `uri-userinfo`; `same-value` for another occurrence of a found value. */
  detector: string;
  /** Where the value was in the original text (UTF-16 offsets). */
  range: Utf16Range;
  /** 1-based line and column of `range.start` in the original text. */
  line: number;
  column: number;
  length: number;
  placeholder: string;
}

export interface RedactOptions {
  /** Secrets are on and infrastructure identifiers off unless said otherwise. */
  categories?: { secrets?: boolean; infrastructure?: boolean };
  /** Values the person chose to show after all: every occurrence stays as it is. */
  exclude?: readonly string[];
  /** Ranges of the original the person selected to hide, whatever the detectors think. */
  extra?: readonly Utf16Range[];
}

export interface RedactionResult {
  text: RedactedText;
  redactions: Redaction[];
  /** Placeholder → original value, in memory only: it never serialises its values. */
  map: RedactionMap;
}

/** One capture group of a rule's pattern and what it holds. */
export interface Capture {
  /** A named group of the rule's pattern. */
  group: string;
  /** A fixed kind, or one read from the match (a key name decides), or null to skip this match. */
  kind: RedactionKind | ((match: RegExpExecArray) => RedactionKind | null);
  /** The group holds `host[:port],host[:port]…` (multi-host URIs and libpq `host=`): one value per host. */
  hostList?: boolean;
  /** Where the value really ends, as a length: an inline comment or a shell command may follow it. */
  cut?: (value: string, match: RegExpExecArray) => number;
}

export interface ValueContext {
  /** The value with surrounding quotes removed. */
  value: string;
  kind: RedactionKind;
  match: RegExpExecArray;
  text: string;
  /** Offsets of the value in `text`. */
  start: number;
  end: number;
}

/** A true-positive example: the text and the values this rule alone must find in it. */
export interface RuleExample {
  text: string;
  values: string[];
}

/**
 * A detector, written as data in the gitleaks manner: a pattern, keywords that must occur in the text
 * before the pattern runs at all, thresholds and allowlists, and the examples the tests run.
 * Patterns carry the `g` and `d` flags and only bounded repetition, so scanning stays linear.
 */
export interface Rule {
  id: string;
  description: string;
  pattern: RegExp;
  captures: readonly Capture[];
  /** Lower-case substrings; the rule runs only when the lower-cased text has one of them. */
  keywords?: readonly string[];
  /** Minimum Shannon entropy (bits per character) of a value. */
  entropy?: number;
  minLength?: number;
  /** Values matching any of these are not secrets for this rule (documentation keys, say). */
  allowlist?: readonly RegExp[];
  /** A last look at the surroundings, for what a regex cannot say (code or config, a libpq neighbour). */
  accept?: (context: ValueContext) => boolean;
  /** When two findings overlap, the higher priority names the kind of the merged redaction. */
  priority: number;
  examples: { positive: readonly RuleExample[]; negative: readonly string[] };
}
