import type { EnvironmentProfile } from '../../../core/environment';
import { effectiveMiddleboxIdleSeconds } from '../../../core/environment';
import { isFailoverProne } from '../../../core/presets';
import type { FixSafety, TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hostsOf, parseDsn } from '../../_lib/connection-string';
import { compareVersions } from '../../jvm/_lib/versions';
import {
  fileEol,
  type IncludeLine,
  type IniLine,
  lexIni,
  type SectionLine,
  type SettingLine,
  separatorStyle,
} from './ini';
import { booleanWordValue, numericValue, SQL_KEYS, unitValue } from './values';

/**
 * The effective `[pgbouncer]` settings of one pgbouncer.ini, and PATCH (reference server-network.md
 * §2) to change them with the smallest edit. The semantic rules read the file "as already repaired"
 * (§2 step 6): later `[pgbouncer]` blocks are merged into the first one, in order, as
 * `pgbouncer.duplicate-section-header` moves them, and every value is read as the syntax repairs
 * (`inline-comment`, `time-unit-suffix`, `boolean-word`, `quoted-scalar`) would write it. Without that
 * a second header would reset everything above it and every semantic rule would re-report keys the
 * repair keeps.
 */

export interface Setting {
  line: SettingLine;
  key: string;
  /** The value token: the raw value without an inline comment and without wrapping quotes. */
  token: string;
  tokenRange: Utf16Range;
  /** ` ; text` after the value: from the blanks before the comment character to the value's end. */
  inlineComment: { range: Utf16Range; text: string } | null;
  /** Wrapping quotes of the value token. */
  quotes: { open: Utf16Range; close: Utf16Range } | null;
  /** The value as the syntax repairs would write it (unit converted, boolean word as 1/0). */
  value: string;
}

export interface CommentCandidate {
  line: IniLine;
  /** The comment character and at most one space after it. */
  prefix: Utf16Range;
  valueRange: Utf16Range;
}

/**
 * New lines go at the END of the anchor line, each written as line break + text: the same bytes as
 * inserting at the start of the next line, but it also works when the anchor is the last line
 * without a break, and inside a YAML block scalar (whose re-indentation follows each `\n`).
 */
export interface InsertionPoint {
  offset: number;
  eol: string;
}

export interface PgbConfig {
  text: string;
  lines: IniLine[];
  /** `[pgbouncer]` headers in file order. */
  headers: SectionLine[];
  /** Every `[pgbouncer]` setting, in file order (the syntax repairs read these). */
  settings: Setting[];
  /** Key → last occurrence in merged order (the effective one after the structural repair). */
  effective: Map<string, Setting>;
  includes: IncludeLine[];
  hosts: string[];
  style: 'spaced' | 'compact';
  insertion: InsertionPoint | null;
}

export const PGBOUNCER_DEFAULTS: Readonly<Record<string, string>> = {
  pool_mode: 'session',
  server_idle_timeout: '600',
  server_lifetime: '3600',
  server_connect_timeout: '15',
  server_login_retry: '15',
  server_check_delay: '30',
  server_fast_close: '0',
  query_timeout: '0',
  query_wait_timeout: '120',
  idle_transaction_timeout: '0',
  dns_max_ttl: '15',
  dns_nxdomain_ttl: '15',
  tcp_keepalive: '1',
  tcp_keepidle: '0',
  tcp_keepintvl: '0',
  tcp_keepcnt: '0',
  tcp_user_timeout: '0',
  listen_backlog: '128',
};

function readSetting(text: string, line: SettingLine): Setting {
  let start = line.valueRange.start;
  let end = line.valueRange.end;
  let inlineComment: Setting['inlineComment'] = null;
  if (!SQL_KEYS.has(line.key)) {
    const m = /[ \t]+[;#]/.exec(line.value);
    if (m && m.index > 0) {
      const commentStart = start + m.index;
      inlineComment = {
        range: { start: commentStart, end },
        text: text.slice(commentStart + m[0].length, end).trim(),
      };
      end = commentStart;
    }
  }
  let quotes: Setting['quotes'] = null;
  const raw = text.slice(start, end);
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0]) {
    quotes = { open: { start, end: start + 1 }, close: { start: end - 1, end } };
    start += 1;
    end -= 1;
  }
  const token = text.slice(start, end);
  const value = unitValue(line.key, token)?.text ?? booleanWordValue(line.key, token) ?? token;
  return { line, key: line.key, token, tokenRange: { start, end }, inlineComment, quotes, value };
}

function buildConfig(text: string): PgbConfig {
  const lines = lexIni(text);
  const headers = lines.filter((l): l is SectionLine => l.kind === 'section' && l.name === 'pgbouncer');
  const settings = lines
    .filter((l): l is SettingLine => l.kind === 'setting' && l.section === 'pgbouncer')
    .map((l) => readSetting(text, l));
  const includes = lines.filter((l): l is IncludeLine => l.kind === 'include');

  const first = headers[0];
  const inFirst = (s: Setting) => first !== undefined && s.line.headerIndex === first.index;
  const firstInclude = first
    ? lines.find((l) => l.kind === 'include' && l.headerIndex === first.index)
    : undefined;
  const beforeInclude = (s: Setting) => !firstInclude || s.line.index < firstInclude.index;
  const merged = [
    ...settings.filter((s) => inFirst(s) && beforeInclude(s)),
    ...settings.filter((s) => !inFirst(s)),
    ...settings.filter((s) => inFirst(s) && !beforeInclude(s)),
  ];
  const effective = new Map<string, Setting>();
  for (const s of merged) effective.set(s.key, s);

  const hosts: string[] = [];
  for (const l of lines) {
    if (l.kind !== 'setting' || l.section !== 'databases') continue;
    const dsn = parseDsn(l.value);
    if (dsn) hosts.push(...hostsOf(dsn).map((h) => h.host));
  }

  let spaced = 0;
  let compact = 0;
  for (const l of lines) {
    if (l.kind !== 'setting') continue;
    const style = separatorStyle(text, l);
    if (style === 'spaced') spaced++;
    else if (style === 'compact') compact++;
  }

  let insertion: InsertionPoint | null = null;
  if (first) {
    const last = settings.filter((s) => inFirst(s) && beforeInclude(s)).at(-1)?.line;
    const anchor: IniLine = last ?? first;
    insertion = { offset: anchor.end, eol: anchor.eol === '' ? fileEol(text) : anchor.eol };
  }

  return {
    text,
    lines,
    headers,
    settings,
    effective,
    includes,
    hosts,
    style: compact > spaced ? 'compact' : 'spaced',
    insertion,
  };
}

export function pgbouncerConfig(doc: ParsedDocument): PgbConfig {
  return doc.memo('pgbouncer.config', () => buildConfig(doc.text));
}

/** The same reading from plain text, for callers without a parsed document (facts across files). */
export function pgbouncerConfigOfText(text: string): PgbConfig {
  return buildConfig(text);
}

/** The effective value (as repaired) of a key, or the PgBouncer default when it is not set. */
export function effectiveValue(config: PgbConfig, key: string): string | undefined {
  return config.effective.get(key)?.value ?? PGBOUNCER_DEFAULTS[key];
}

/** The effective value read as a number; null when absent without a default or not a number. */
export function numberOf(config: PgbConfig, key: string): number | null {
  const v = effectiveValue(config, key);
  return v === undefined ? null : numericValue(key, v);
}

export function poolMode(config: PgbConfig): 'session' | 'transaction' | 'statement' | null {
  const v = (effectiveValue(config, 'pool_mode') ?? 'session').toLowerCase();
  return v === 'session' || v === 'transaction' || v === 'statement' ? v : null;
}

export function failoverProne(config: PgbConfig, environment: EnvironmentProfile): boolean {
  return isFailoverProne(environment, config.hosts);
}

/** The middlebox idle timeout to design for (240 s when unknown). */
export function middlebox(environment: EnvironmentProfile): number {
  return effectiveMiddleboxIdleSeconds(environment);
}

/** Whether the target PgBouncer has a feature: true / false, or null when the version is unknown. */
export function hasVersion(environment: EnvironmentProfile, min: string): boolean | null {
  const v = environment.pgbouncerVersion;
  return v === undefined ? null : compareVersions(v, min) >= 0;
}

/** Where a report about `key` points: its effective line, else the first `[pgbouncer]` header. */
export function reportRange(config: PgbConfig, key: string): Utf16Range {
  const s = config.effective.get(key);
  if (s) return { start: s.line.keyRange.start, end: s.line.valueRange.end };
  const h = config.headers[0];
  return h ? { start: h.contentStart, end: h.end } : { start: 0, end: 0 };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * §2 step 1: a comment line in a `[pgbouncer]` block that starts with exactly one `;` or `#`, at most
 * one space, the exact key, optional blanks and `=`. `;;` / `##` documentation lines never count,
 * nor a commented line whose value carries further text (uncommenting it would create an inline
 * comment PgBouncer would read as part of the value).
 */
export function commentCandidate(config: PgbConfig, key: string): CommentCandidate | undefined {
  const re = new RegExp(`^([;#] ?)${escapeRe(key)}[ \\t]*=[ \\t]*(.*)$`);
  let found: CommentCandidate | undefined;
  for (const line of config.lines) {
    if (line.kind !== 'comment' || line.section !== 'pgbouncer') continue;
    const content = config.text.slice(line.contentStart, line.end);
    const m = re.exec(content);
    if (!m) continue;
    if (content[1] === ';' || content[1] === '#') continue;
    const rest = (m[2] ?? '').replace(/[ \t\r]+$/, '');
    if (/[ \t][;#]/.test(rest)) continue;
    const valueStart = line.end - (m[2] ?? '').length;
    found = {
      line,
      prefix: { start: line.contentStart, end: line.contentStart + (m[1] ?? '').length },
      valueRange: { start: valueStart, end: valueStart + rest.length },
    };
  }
  return found;
}

export type PatchHow = 'edited' | 'uncommented' | 'appended';

/**
 * §2 steps 2–4: set `key` to `value` by editing the effective occurrence's value token, else by
 * uncommenting the last candidate, else by appending after the last setting line of the first
 * `[pgbouncer]` block (above its first `%include`), in the file's majority separator style.
 */
export function patch(config: PgbConfig, key: string, value: string): { edits: TextEdit[]; how: PatchHow } {
  const { text } = config;
  const existing = config.effective.get(key);
  if (existing) {
    const r = existing.tokenRange;
    // `key =` with nothing after it: keep the separator's spacing style.
    const pad =
      r.start === r.end && text[r.start - 1] === '=' && /[ \t]/.test(text[existing.line.equals - 1] ?? '')
        ? ' '
        : '';
    return { edits: [{ start: r.start, end: r.end, text: pad + value }], how: 'edited' };
  }
  const candidate = commentCandidate(config, key);
  if (candidate) {
    const v = candidate.valueRange;
    const pad = v.start === v.end && text[v.start - 1] === '=' ? ' ' : '';
    return {
      edits: [
        { start: candidate.prefix.start, end: candidate.prefix.end, text: '' },
        { start: v.start, end: v.end, text: pad + value },
      ],
      how: 'uncommented',
    };
  }
  const at = config.insertion;
  if (!at) return { edits: [], how: 'appended' };
  const sep = config.style === 'compact' ? '=' : ' = ';
  const line = `${key}${sep}${value}`;
  return {
    edits: [{ start: at.offset, end: at.offset, text: `${at.eol}${line}` }],
    how: 'appended',
  };
}

/**
 * With more than one `[pgbouncer]` header, PgBouncer itself keeps only what follows the last one: an
 * edit above it takes effect only once `pgbouncer.duplicate-section-header` (a review fix) has merged
 * the blocks. Such a fix must not be applied on its own as "safe", or the safe-only result would look
 * fixed while PgBouncer still runs with the old values: it becomes review, and says why.
 */
export function fixAfterHeaderRepair(
  config: PgbConfig,
  safety: FixSafety,
  description: string,
  edits: TextEdit[],
): { safety: FixSafety; description: string; edits: TextEdit[] } {
  const last = config.headers.at(-1);
  if (config.headers.length > 1 && last && edits.some((e) => e.start < last.start)) {
    return {
      safety: 'review',
      description: `${description} It takes effect only with the fix of pgbouncer.duplicate-section-header: until the later [pgbouncer] header is removed, it resets this block.`,
      edits,
    };
  }
  return { safety, description, edits };
}

/** Patches several keys in the given order; insertions at one point keep that order. */
export function patchAll(config: PgbConfig, entries: ReadonlyArray<readonly [string, string]>): TextEdit[] {
  return entries.flatMap(([key, value]) => patch(config, key, value).edits);
}

/** `tcp_keepidle = 30, tcp_keepintvl = 10` for messages. */
export function describeEntries(entries: ReadonlyArray<readonly [string, string]>): string {
  return entries.map(([k, v]) => `${k} = ${v}`).join(', ');
}

/** True when the file has a `[pgbouncer]` section: fragments (`[databases]` only) get no semantic rule. */
export function hasMainSection(config: PgbConfig): boolean {
  return config.headers.length > 0;
}
