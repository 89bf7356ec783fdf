import { LineIndex } from '../core/line-index';
import { markRedacted } from '../core/redacted';
import { RULES } from './detectors/index';
import { PlaceholderAllocator, RedactionMap } from './placeholders';
import {
  CATEGORY_OF,
  type Redaction,
  type RedactionKind,
  type RedactionResult,
  type RedactOptions,
  type Rule,
} from './types';
import {
  entropy,
  isDbmsName,
  isGenericAccountName,
  isIPv4,
  isIPv6,
  isPlaceholder,
  isReference,
  isSafeHost,
  isSafeIp,
  looksLikeHostname,
  unquote,
} from './values';

export type { Redaction, RedactionCategory, RedactionKind, RedactionResult, RedactOptions } from './types';

/** A value some rule wants hidden, in original offsets. */
export interface Finding {
  start: number;
  end: number;
  kind: RedactionKind;
  detector: string;
  priority: number;
}

const MANUAL_PRIORITY = 1000;
/** Beyond this many distinct values the text is not a config; stop looking for repeats. */
const MAX_PROPAGATED_VALUES = 500;

/**
 * Replaces every secret (and, when asked, every infrastructure identifier) with a placeholder such as
 * `REDACTED_PASSWORD_1`, the same one for every occurrence of the same value. Linear in the input;
 * never throws.
 */
export function redact(input: string, options: RedactOptions = {}): RedactionResult {
  const secrets = options.categories?.secrets ?? true;
  const infrastructure = options.categories?.infrastructure ?? false;
  const enabled = (kind: RedactionKind) => (CATEGORY_OF[kind] === 'secret' ? secrets : infrastructure);
  const excluded = new Set(options.exclude ?? []);

  const findings: Finding[] = [];
  if (secrets || infrastructure) {
    const lower = input.toLowerCase();
    for (const rule of RULES) {
      for (const f of scanRule(rule, input, enabled, lower)) {
        if (!excluded.has(input.slice(f.start, f.end))) findings.push(f);
      }
    }
  }
  for (const range of options.extra ?? []) {
    const start = Math.max(0, Math.min(range.start, input.length));
    const end = Math.max(0, Math.min(range.end, input.length));
    if (end > start)
      findings.push({ start, end, kind: 'manual', detector: 'manual', priority: MANUAL_PRIORITY });
  }
  const kept = propagate(input, merge(findings), excluded);
  return render(input, kept);
}

/** Runs one rule over a text: every value it finds that passes its thresholds and allowlists. */
export function scanRule(
  rule: Rule,
  text: string,
  enabled: (kind: RedactionKind) => boolean = () => true,
  lower: string = text.toLowerCase(),
): Finding[] {
  if (rule.keywords && !rule.keywords.some((k) => lower.includes(k))) return [];
  const out: Finding[] = [];
  for (const match of text.matchAll(rule.pattern)) {
    const spans = match.indices?.groups;
    if (!spans) continue;
    for (const capture of rule.captures) {
      const span = spans[capture.group];
      if (!span) continue;
      const declared = typeof capture.kind === 'function' ? capture.kind(match) : capture.kind;
      if (!declared) continue;
      let [start, end] = trim(text, ...unquote(text, span[0], span[1]));
      if (capture.cut) end = start + capture.cut(text.slice(start, end), match);
      const pieces = capture.hostList && declared === 'host' ? hostPieces(text, start, end) : [[start, end]];
      for (const piece of pieces) {
        const [a, b] = trim(text, piece[0] ?? 0, piece[1] ?? 0);
        if (b <= a) continue;
        const value = text.slice(a, b);
        const kind: RedactionKind = declared === 'host' && (isIPv4(value) || isIPv6(value)) ? 'ip' : declared;
        if (!enabled(kind) || !acceptable(kind, value)) continue;
        if (rule.minLength !== undefined && value.length < rule.minLength) continue;
        if (rule.entropy !== undefined && entropy(value) < rule.entropy) continue;
        if (rule.allowlist?.some((allowed) => allowed.test(value))) continue;
        if (rule.accept && !rule.accept({ value, kind, match, text, start: a, end: b })) continue;
        out.push({ start: a, end: b, kind, detector: rule.id, priority: rule.priority });
      }
    }
  }
  return out;
}

/** What every rule agrees on, whatever found the value: placeholders and references never count. */
function acceptable(kind: RedactionKind, value: string): boolean {
  if (isPlaceholder(value) || isReference(value)) return false;
  switch (kind) {
    case 'host':
      return looksLikeHostname(value) && !isSafeHost(value);
    case 'ip':
      return (isIPv4(value) || isIPv6(value)) && !isSafeIp(value);
    case 'user':
      return (
        /^[^\s'"`<>(){}/]{1,128}$/.test(value) &&
        /[A-Za-z0-9]/.test(value) &&
        !isGenericAccountName(value) &&
        !/^\d+(?::\d+)?$/.test(value)
      );
    case 'database':
      return (
        /^[^'"`<>(){}/\\\r\n@]{1,128}$/.test(value) &&
        /[A-Za-z0-9]/.test(value) &&
        !isGenericAccountName(value) &&
        !isDbmsName(value) &&
        !/^\d+$/.test(value)
      );
    default:
      return true;
  }
}

function trim(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

/**
 * Splits `h1:5432,[fd00::1]:5433,tcp:h3` into the host parts alone, so ports, brackets and a
 * `tcp:` prefix stay visible and each host gets its own placeholder.
 */
function hostPieces(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let offset = start;
  for (const part of text.slice(start, end).split(',')) {
    let [a, b] = trim(text, offset, offset + part.length);
    offset += part.length + 1;
    const piece = text.slice(a, b);
    if (piece.startsWith('[')) {
      const close = piece.indexOf(']');
      if (close > 1) [a, b] = [a + 1, a + close];
    } else if (!isIPv6(piece)) {
      const scheme = /^[a-z]{2,10}:(?=[^\d/])/i.exec(piece);
      if (scheme) a += scheme[0].length;
      const port = /:\d{1,5}$/.exec(text.slice(a, b));
      if (port) b -= port[0].length;
    }
    out.push([a, b]);
  }
  return out;
}

/**
 * Overlapping findings become one redaction covering all of them, named after the most specific
 * rule: hiding the union never leaves a piece of a secret visible.
 */
function merge(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.priority - a.priority);
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.priority > last.priority) {
        last.kind = f.kind;
        last.detector = f.detector;
        last.priority = f.priority;
      }
      last.end = Math.max(last.end, f.end);
    } else {
      out.push({ ...f });
    }
  }
  return out;
}

const WORD = /[A-Za-z0-9_]/;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A secret found once is a secret everywhere: other occurrences of the same value (a password
 * repeated in a comment, a host in a second URL) get the same placeholder. Dictionary words are not
 * chased, so a `postgres` password does not swallow every `postgres` in the file.
 */
function propagate(text: string, kept: Finding[], excluded: ReadonlySet<string>): Finding[] {
  const sources = new Map<string, Finding>();
  for (const f of kept) {
    const value = text.slice(f.start, f.end);
    if (sources.has(value) || excluded.has(value)) continue;
    const category = CATEGORY_OF[f.kind];
    const eligible =
      f.kind === 'manual'
        ? value.length >= 3
        : category === 'secret'
          ? value.length >= 5 && !/^[a-z]+$/.test(value)
          : f.kind === 'ip' ||
            (f.kind === 'host' && value.includes('.')) ||
            // A distinctive role or database name (`svc_orders`), not a word that occurs in prose.
            ((f.kind === 'user' || f.kind === 'database') && value.length >= 6 && /[^A-Za-z]/.test(value));
    if (eligible) sources.set(value, f);
    if (sources.size >= MAX_PROPAGATED_VALUES) break;
  }
  if (sources.size === 0) return kept;
  const alternatives = [...sources.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(alternatives.join('|'), 'g');
  const added: Finding[] = [];
  let k = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (WORD.test(m[0][0] ?? '') && WORD.test(text[start - 1] ?? '')) continue;
    if (WORD.test(m[0][m[0].length - 1] ?? '') && WORD.test(text[end] ?? '')) continue;
    while (k < kept.length && (kept[k]?.end ?? 0) <= start) k++;
    if (k < kept.length && (kept[k]?.start ?? Number.POSITIVE_INFINITY) < end) continue;
    const source = sources.get(m[0]);
    if (!source) continue;
    added.push({ start, end, kind: source.kind, detector: 'same-value', priority: source.priority });
  }
  return added.length === 0 ? kept : [...kept, ...added].sort((a, b) => a.start - b.start);
}

/**
 * A bare number (a JSON account id, a TOML integer) becomes a quoted placeholder, since a bare word
 * is not valid there.
 */
function needsQuotes(text: string, start: number, end: number, value: string): boolean {
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return false;
  const before = text.slice(Math.max(0, start - 200), start);
  if (/"[ \t]*:[ \t]*$/.test(before)) return true;
  return (
    /(?:^|\n)[ \t]*[\w.-]+[ \t]*=[ \t]*$/.test(before) &&
    /^[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/.test(text.slice(end, end + 200))
  );
}

function render(input: string, kept: Finding[]): RedactionResult {
  const lines = new LineIndex(input);
  const allocator = new PlaceholderAllocator(input);
  const map = new RedactionMap();
  const firstKind = new Map<string, RedactionKind>();
  const redactions: Redaction[] = [];
  let out = '';
  let cursor = 0;
  for (const f of kept) {
    const value = input.slice(f.start, f.end);
    const kind = firstKind.get(value) ?? f.kind;
    firstKind.set(value, kind);
    const placeholder = allocator.placeholderFor(value, kind);
    const quoted = needsQuotes(input, f.start, f.end, value);
    out += input.slice(cursor, f.start) + (quoted ? `"${placeholder}"` : placeholder);
    cursor = f.end;
    map.set(placeholder, value, quoted);
    const position = lines.position(f.start);
    redactions.push({
      kind,
      category: CATEGORY_OF[kind],
      detector: f.detector,
      range: { start: f.start, end: f.end },
      line: position.line,
      column: position.column,
      length: f.end - f.start,
      placeholder,
    });
  }
  out += input.slice(cursor);
  return { text: markRedacted(out), redactions, map };
}
