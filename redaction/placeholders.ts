import type { RedactionKind } from './types';

/**
 * Placeholders are `REDACTED_<KIND>_<n>`: only letters, digits and underscores, so they are a valid
 * bare word in every format we read (URI userinfo and host, YAML plain scalar, INI and properties
 * value, shell word, identifier-like JSON string content) and read as what they replace.
 */
const LABELS: Readonly<Record<RedactionKind, string>> = {
  password: 'PASSWORD',
  token: 'TOKEN',
  'private-key': 'PRIVATE_KEY',
  certificate: 'CERTIFICATE',
  'cloud-key': 'CLOUD_KEY',
  'account-id': 'ACCOUNT_ID',
  arn: 'ARN',
  manual: 'VALUE',
  host: 'HOST',
  ip: 'IP',
  database: 'DATABASE',
  user: 'USER',
};

const LABEL_ALTERNATION = Object.values(LABELS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Any placeholder of ours; never detected as a secret, so redacting twice changes nothing. */
export const PLACEHOLDER_ANYWHERE = new RegExp(`REDACTED_(?:${LABEL_ALTERNATION})_\\d+`);
const PLACEHOLDER_GLOBAL = new RegExp(`REDACTED_(${LABEL_ALTERNATION})_(\\d+)`, 'g');
const PLACEHOLDER_WITH_QUOTES = new RegExp(`(")?(REDACTED_(?:${LABEL_ALTERNATION})_\\d+)(")?`, 'g');

export function placeholderLabel(kind: RedactionKind): string {
  return LABELS[kind];
}

/**
 * Hands out `REDACTED_<KIND>_<n>` numbered per kind in order of first appearance, one per distinct
 * value, skipping numbers the input already uses (a text that was redacted before and edited since).
 */
export class PlaceholderAllocator {
  private readonly byValue = new Map<string, string>();
  private readonly next = new Map<string, number>();
  private readonly taken = new Set<string>();

  constructor(input: string) {
    for (const m of input.matchAll(PLACEHOLDER_GLOBAL)) this.taken.add(m[0]);
  }

  placeholderFor(value: string, kind: RedactionKind): string {
    const known = this.byValue.get(value);
    if (known) return known;
    const label = LABELS[kind];
    let n = this.next.get(label) ?? 1;
    let placeholder = `REDACTED_${label}_${n}`;
    while (this.taken.has(placeholder)) placeholder = `REDACTED_${label}_${++n}`;
    this.next.set(label, n + 1);
    this.byValue.set(value, placeholder);
    return placeholder;
  }
}

/**
 * Placeholder → original value, kept in memory so the page can give back the patched file with the
 * real values while sharing only placeholders. It refuses to serialise its values: `JSON.stringify`
 * of a result that carries it lists placeholders only.
 */
export class RedactionMap {
  readonly #values = new Map<string, string>();
  /** Placeholders written inside quotes the original value did not have (a JSON number). */
  readonly #quoted = new Set<string>();

  /** For the redaction engine. */
  set(placeholder: string, value: string, addedQuotes = false): void {
    this.#values.set(placeholder, value);
    if (addedQuotes) this.#quoted.add(placeholder);
  }

  get(placeholder: string): string | undefined {
    return this.#values.get(placeholder);
  }

  has(placeholder: string): boolean {
    return this.#values.has(placeholder);
  }

  get size(): number {
    return this.#values.size;
  }

  placeholders(): string[] {
    return [...this.#values.keys()];
  }

  /** Whether the engine wrapped this placeholder in quotes to keep its document valid. */
  addedQuotes(placeholder: string): boolean {
    return this.#quoted.has(placeholder);
  }

  toJSON(): { placeholders: string[] } {
    return { placeholders: this.placeholders() };
  }
}

/**
 * Puts the real values back into a text that went out with placeholders, such as the patched file.
 * Placeholders the map does not know (typed by hand, from another session) stay as they are.
 */
export function unredact(text: string, map: RedactionMap): string {
  return text.replace(
    PLACEHOLDER_WITH_QUOTES,
    (whole, open: string | undefined, placeholder: string, close) => {
      const value = map.get(placeholder);
      if (value === undefined) return whole;
      if (open && close && map.addedQuotes(placeholder)) return value;
      return `${open ?? ''}${value}${close ?? ''}`;
    },
  );
}
