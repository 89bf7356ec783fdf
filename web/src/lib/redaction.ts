import type { RedactionKind, RedactOptions } from '../../../engine/index';

/** Past this many occurrences of one hand-picked value the text is not a config; the rest stay as they are. */
const MAX_OCCURRENCES = 10_000;

interface Range {
  start: number;
  end: number;
}

/** Every occurrence of each value in `text`, as UTF-16 ranges (overlaps are merged by the redactor). */
export function rangesOf(text: string, values: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const value of values) {
    if (value === '') continue;
    let count = 0;
    for (let at = text.indexOf(value); at !== -1 && count < MAX_OCCURRENCES; count++) {
      ranges.push({ start: at, end: at + value.length });
      at = text.indexOf(value, at + value.length);
    }
  }
  return ranges;
}

export interface RedactionChoices {
  redactSecrets: boolean;
  redactInfrastructure: boolean;
  unredacted: ReadonlyArray<{ value: string }>;
  manualRedactions: readonly string[];
}

/** The store's redaction choices as the engine takes them, for this text. */
export function redactOptionsFor(text: string, choices: RedactionChoices): RedactOptions {
  return {
    categories: { secrets: choices.redactSecrets, infrastructure: choices.redactInfrastructure },
    exclude: choices.unredacted.map((u) => u.value),
    extra: rangesOf(text, choices.manualRedactions),
  };
}

export const KIND_LABELS: Readonly<Record<RedactionKind, string>> = {
  password: 'password',
  token: 'token',
  'private-key': 'private key',
  certificate: 'certificate',
  'cloud-key': 'cloud access key',
  'account-id': 'account id',
  arn: 'ARN',
  manual: 'selected by you',
  host: 'host name',
  ip: 'IP address',
  database: 'database name',
  user: 'user name',
};

/** 1-based line and column (UTF-16) of an offset, as the engine counts them. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
