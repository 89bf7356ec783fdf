/**
 * A line lexer for sysctl.conf and /etc/sysctl.d/*.conf that mirrors the two programs that read them,
 * procps-ng `sysctl -p` (sysctl.c `Preload`) and systemd-sysctl, rather than the generic properties
 * grammar the harness parses them with (that grammar knows neither `;` comments nor the `-` prefix
 * nor slash notation). What both programs do, and so what this lexer does:
 * - each line is trimmed of blanks (tabs, `\r` included); a line shorter than two characters, or whose
 *   first character is `#` or `;`, is skipped. There are no inline comments: the value runs to the end
 *   of the line (`60 # note` is written to the kernel as is).
 * - the key runs to the first `=` and is trimmed; the value is the rest, leading and trailing blanks
 *   removed. A line with no `=` or an empty value is invalid (procps warns; nothing is written).
 * - a leading `-` asks to ignore a failed write (systemd-sysctl is silent about it; procps 4.0.2 still
 *   prints the error and exits 1, verified on this machine).
 * - key parts are separated by `.` or `/`; when the first separator is `/`, dots are literal (an
 *   interface name like `eth0.100`), so the normal form swaps the two (systemd `sysctl_normalize`).
 * - later assignments win: the last line that sets a key decides, as long as its write succeeds.
 * The kernel then parses an integer value with `kstrtoul(…, 0)` semantics: `0x1e` is hex, `010` octal,
 * and anything after the number must be a blank (`60s` is EINVAL, `60 s` is quietly 60).
 */
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

export interface SysctlSetting {
  /** 0-based line number. */
  line: number;
  lineStart: number;
  /** A leading `-`: a failed write is ignored. */
  ignoreFailure: boolean;
  /** The key as written (without the `-`), and its normal dotted form. */
  key: string;
  name: string;
  keyStart: number;
  keyEnd: number;
  /** The value as the program passes it to the kernel (blanks around it removed). */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** `key = value` (true) or `key=value` (false). */
  spaced: boolean;
}

/** `#key = value` / `;key = value`: one comment character, at most one space, then a setting. */
export interface CommentedSetting {
  line: number;
  lineStart: number;
  /** Where the key starts: everything before it (the comment character and space) is dropped. */
  keyStart: number;
  name: string;
  valueStart: number;
  valueEnd: number;
}

export interface SysctlFile {
  text: string;
  settings: SysctlSetting[];
  commented: CommentedSetting[];
  /** The line break the file uses (`\r\n` when most lines use it). */
  eol: '\n' | '\r\n';
  /** True when the text is empty or ends with a line break. */
  finalNewline: boolean;
  /** Majority separator style among active lines; a tie gives the spaced `key = value`. */
  spaced: boolean;
}

/** `net/ipv4/tcp_retries2` → `net.ipv4.tcp_retries2`; dotted keys stay as they are. */
export function normalizeKey(key: string): string {
  const firstSeparator = key.search(/[./]/);
  if (firstSeparator < 0 || key[firstSeparator] !== '/') return key;
  return key.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

const BLANK = /[ \t\r\n\v\f]/;

export function lexSysctl(text: string): SysctlFile {
  const settings: SysctlSetting[] = [];
  const commented: CommentedSetting[] = [];
  let crlf = 0;
  let lf = 0;
  let lineStart = 0;
  let line = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (nl >= 0) {
      if (text[nl - 1] === '\r') crlf++;
      else lf++;
    }
    let start = lineStart;
    let end = lineEnd;
    while (start < end && BLANK.test(text[start] as string)) start++;
    while (end > start && BLANK.test(text[end - 1] as string)) end--;
    const first = text[start];
    if (end - start >= 2 && (first === '#' || first === ';')) {
      const candidate = commentedSetting(text, line, lineStart, start, end);
      if (candidate) commented.push(candidate);
    } else if (end - start >= 2) {
      const setting = activeSetting(text, line, lineStart, start, end);
      if (setting) settings.push(setting);
    }
    line++;
    lineStart = nl < 0 ? text.length : nl + 1;
  }
  const spacedCount = settings.filter((s) => s.spaced).length;
  return {
    text,
    settings,
    commented,
    eol: crlf > lf ? '\r\n' : '\n',
    finalNewline: text === '' || text.endsWith('\n'),
    spaced: spacedCount * 2 >= settings.length,
  };
}

function activeSetting(
  text: string,
  line: number,
  lineStart: number,
  start: number,
  end: number,
): SysctlSetting | null {
  const eq = text.indexOf('=', start);
  if (eq < 0 || eq >= end) return null;
  let keyStart = start;
  const ignoreFailure = text[keyStart] === '-';
  if (ignoreFailure) keyStart++;
  while (keyStart < eq && BLANK.test(text[keyStart] as string)) keyStart++;
  let keyEnd = eq;
  while (keyEnd > keyStart && BLANK.test(text[keyEnd - 1] as string)) keyEnd--;
  if (keyEnd === keyStart) return null;
  let valueStart = eq + 1;
  while (valueStart < end && BLANK.test(text[valueStart] as string)) valueStart++;
  if (valueStart >= end) return null;
  const key = text.slice(keyStart, keyEnd);
  return {
    line,
    lineStart,
    ignoreFailure,
    key,
    name: normalizeKey(key),
    keyStart,
    keyEnd,
    value: text.slice(valueStart, end),
    valueStart,
    valueEnd: end,
    spaced: keyEnd < eq || valueStart > eq + 1,
  };
}

function commentedSetting(
  text: string,
  line: number,
  lineStart: number,
  start: number,
  end: number,
): CommentedSetting | null {
  // Exactly one comment character at the very start of the line, then at most one space.
  if (start !== lineStart) return null;
  let keyStart = start + 1;
  if (text[keyStart] === ' ') keyStart++;
  const match = /^([A-Za-z0-9_][\w./-]*)[ \t]*=[ \t]*(\S+)$/.exec(text.slice(keyStart, end));
  if (!match) return null;
  const key = match[1] as string;
  const value = match[2] as string;
  return {
    line,
    lineStart,
    keyStart,
    name: normalizeKey(key),
    valueStart: end - value.length,
    valueEnd: end,
  };
}

/** The lexed file, computed once per document and shared by the Linux rules. */
export function sysctlFile(doc: ParsedDocument): SysctlFile {
  return doc.memo('linux.sysctl-file', () => lexSysctl(doc.text));
}

/** Every line that sets `name`, in file order. */
export function settingsOf(file: SysctlFile, name: string): SysctlSetting[] {
  return file.settings.filter((s) => s.name === name);
}

// ---------------------------------------------------------------------------------------------------
// Values

/**
 * What the kernel's integer parser makes of a value (`proc_dointvec`: base 0, a sign only for
 * negative numbers, the number followed by a blank or the end), or null when the write fails.
 */
export function kernelInteger(value: string): number | null {
  const m = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(?:[ \t]|$)/.exec(value);
  if (!m) return null;
  const digits = m[2] as string;
  const n = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits.startsWith('0')
      ? Number.parseInt(digits.slice(1), 8)
      : Number(digits);
  return m[1] === '-' ? -n : n;
}

const SECONDS_PER_UNIT: ReadonlyArray<[RegExp, number]> = [
  [/^(ms|msec|msecs|millisecond|milliseconds)$/i, 0.001],
  [/^(s|sec|secs|second|seconds)$/i, 1],
  [/^(m|min|mins|minute|minutes)$/i, 60],
  [/^(h|hr|hrs|hour|hours)$/i, 3600],
  [/^(d|day|days)$/i, 86400],
];

export interface UnitValue {
  number: number;
  unit: string;
  timeUnit: boolean;
  /** The value in whole seconds, or null when the unit is not a time unit or the result is fractional. */
  seconds: number | null;
}

/** `60s`, `2min`, `2 min`, `1.5h`: a number with a unit of letters attached or after one blank. */
export function unitValue(value: string): UnitValue | null {
  const m = /^(\d+(?:\.\d+)?)[ \t]?([A-Za-z]+)$/.exec(value);
  if (!m || /^0[xX][0-9a-fA-F]+$/.test(value)) return null; // `0xff` is hex, not zero with a unit
  const number = Number(m[1]);
  const unit = m[2] as string;
  const factor = SECONDS_PER_UNIT.find(([re]) => re.test(unit))?.[1];
  const seconds = factor === undefined ? null : Math.round(number * factor * 1000) / 1000;
  return {
    number,
    unit,
    timeUnit: factor !== undefined,
    seconds: seconds !== null && Number.isInteger(seconds) ? seconds : null,
  };
}

/** Keys whose value is a whole number of seconds (the only ones a unit can be converted for). */
export const SECONDS_KEYS: ReadonlySet<string> = new Set([
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_fin_timeout',
  'net.netfilter.nf_conntrack_tcp_timeout_established',
  'net.netfilter.nf_conntrack_tcp_timeout_close_wait',
  'net.netfilter.nf_conntrack_tcp_timeout_fin_wait',
  'net.netfilter.nf_conntrack_tcp_timeout_time_wait',
  'net.netfilter.nf_conntrack_tcp_timeout_syn_sent',
  'net.netfilter.nf_conntrack_tcp_timeout_syn_recv',
  'net.netfilter.nf_conntrack_tcp_timeout_last_ack',
  'net.netfilter.nf_conntrack_tcp_timeout_close',
  'net.netfilter.nf_conntrack_tcp_timeout_unacknowledged',
  'net.netfilter.nf_conntrack_tcp_timeout_max_retrans',
  'net.netfilter.nf_conntrack_udp_timeout',
  'net.netfilter.nf_conntrack_udp_timeout_stream',
  'net.netfilter.nf_conntrack_generic_timeout',
  'net.ipv4.netfilter.ip_conntrack_tcp_timeout_established',
]);

/** Keys whose value is a plain count. */
export const INTEGER_KEYS: ReadonlySet<string> = new Set([
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_retries1',
  'net.ipv4.tcp_retries2',
  'net.ipv4.tcp_syn_retries',
  'net.ipv4.tcp_synack_retries',
  'net.ipv4.tcp_orphan_retries',
]);

/**
 * The number a line stands for once the unit repair (`linux.value-with-unit`, which runs first) has
 * turned `2min` into `120`, or what the kernel reads from it; null when the write fails either way.
 */
export function intendedInteger(setting: { name: string; value: string }): number | null {
  const unit = unitValue(setting.value);
  if (unit && unit.seconds !== null && SECONDS_KEYS.has(setting.name)) return unit.seconds;
  return kernelInteger(setting.value);
}

/**
 * The value a key ends up with after the file is applied: the last line whose write succeeds, else
 * `fallback` (the kernel default). `setting` is the line that decided, if any.
 */
export function effectiveInteger(
  file: SysctlFile,
  name: string,
  fallback: number,
): { value: number; setting: SysctlSetting | null; last: SysctlSetting | null } {
  const lines = settingsOf(file, name);
  let value = fallback;
  let setting: SysctlSetting | null = null;
  for (const s of lines) {
    const n = intendedInteger(s);
    if (n !== null) {
      value = n;
      setting = s;
    }
  }
  return { value, setting, last: lines[lines.length - 1] ?? null };
}

// ---------------------------------------------------------------------------------------------------
// PATCH (reference server-network.md §2)

/** The dotted spelling used for keys this catalog appends. */
export function appendedLine(file: SysctlFile, name: string, value: string): string {
  return file.spaced ? `${name} = ${value}` : `${name}=${value}`;
}

/**
 * PATCH(key, value): edit the value of the last line that sets the key (keeping its spelling, `-` and
 * spacing); else uncomment the last single-comment candidate in place; else append at the end of the
 * file in the file's majority style and line break (the file keeps its final line break, or its lack
 * of one, and several appended keys compose).
 */
export function patchEdits(file: SysctlFile, name: string, value: string): TextEdit[] {
  const active = settingsOf(file, name);
  const last = active[active.length - 1];
  if (last) {
    return last.value === value ? [] : [{ start: last.valueStart, end: last.valueEnd, text: value }];
  }
  const candidates = file.commented.filter((c) => c.name === name);
  const candidate = candidates[candidates.length - 1];
  if (candidate) {
    return [
      { start: candidate.lineStart, end: candidate.keyStart, text: '' },
      { start: candidate.valueStart, end: candidate.valueEnd, text: value },
    ];
  }
  // Inserted before the final line break as `<eol>line`: the same bytes as appending `line<eol>`,
  // but an insertion that starts with a line break is re-indented when the file is embedded in YAML.
  const { text } = file;
  const at =
    text === ''
      ? 0
      : text.endsWith('\r\n')
        ? text.length - 2
        : text.endsWith('\n')
          ? text.length - 1
          : text.length;
  const line = appendedLine(file, name, value);
  return [{ start: at, end: at, text: text === '' ? `${line}${file.eol}` : `${file.eol}${line}` }];
}

// ---------------------------------------------------------------------------------------------------
// Scope

/**
 * Whether the file tunes the TCP stack: it sets at least one `net.ipv4.tcp_*` or `net.core.*` key.
 * The rules that count an absent key as the kernel default only speak up in such files: a snippet
 * that sets `vm.swappiness` or only `net.ipv4.ip_forward` is not about connection handling, and the
 * keys it lacks are likely set in another sysctl.d file.
 */
export function tunesTcp(file: SysctlFile): SysctlSetting | null {
  return file.settings.find((s) => /^net\.(ipv4\.tcp_|core\.)/.test(s.name)) ?? null;
}

/** A range for a finding about the whole file: the key of the line that put it in scope. */
export function keyRange(setting: SysctlSetting): { start: number; end: number } {
  return { start: setting.keyStart, end: setting.keyEnd };
}
