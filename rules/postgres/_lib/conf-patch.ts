/**
 * PATCH(file, key, value) for postgresql.conf (reference server-network.md §2):
 * 1. an active occurrence: edit the value token of the last one (last wins), keeping its quoting,
 *    separator and trailing comment;
 * 2. else uncomment the last commented candidate in place: exactly one `#`, at most one space, the
 *    key, blanks, `=` (never `##` documentation lines), keeping its trailing comment and tabs;
 * 3. else append at the end of the file in the file's majority separator style (tie: `key = value`),
 *    with the file's line breaks.
 */

import type { TextEdit } from '../../../core/types';
import { type ConfFile, type ConfLine, type ConfSetting, parseLine } from './conf-lexer';
import { GUCS, parseGucValue, renderValue, type WantedValue } from './gucs';

export function lastSetting(conf: ConfFile, key: string): ConfSetting | undefined {
  for (let i = conf.settings.length - 1; i >= 0; i--) {
    const s = conf.settings[i];
    if (s?.key === key) return s;
  }
  return undefined;
}

export function occurrences(conf: ConfFile, key: string): ConfSetting[] {
  return conf.settings.filter((s) => s.key === key);
}

/** The text that replaces a value token: same quoting; a unit kept when the old value had one. */
export function replacementText(old: { raw: string; value: string; quoted: boolean }, wanted: WantedValue) {
  const parsed = parseGucValue(old.value, GUCS[wanted.key].unit);
  const text = renderValue(wanted, parsed?.hasUnit ?? false);
  return old.quoted ? `'${text}'` : text;
}

export interface Candidate {
  line: ConfLine;
  /** The `#` and the optional space to drop. */
  prefixEnd: number;
  setting: ConfSetting;
}

/** The last `#key = value` line that would parse as this key once the `#` (and one space) go. */
export function commentedCandidate(conf: ConfFile, key: string): Candidate | undefined {
  const re = /^#( ?)([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=/;
  for (let i = conf.lines.length - 1; i >= 0; i--) {
    const line = conf.lines[i] as ConfLine;
    if (line.kind !== 'comment') continue;
    const m = re.exec(line.text);
    if (!m || (m[2] ?? '').toLowerCase() !== key) continue;
    const prefix = 1 + (m[1] ?? '').length;
    const inner = parseLine(line.text.slice(prefix), line.start + prefix, line.index);
    if (inner.kind !== 'setting' || inner.setting?.key !== key) continue;
    return { line, prefixEnd: line.start + prefix, setting: inner.setting };
  }
  return undefined;
}

/** The separator most active lines use: ` = `, `=` or a blank. A tie gives ` = `. */
export function majoritySeparator(conf: ConfFile): string {
  const counts = new Map<string, number>([
    [' = ', 0],
    ['=', 0],
    [' ', 0],
  ]);
  for (const line of conf.lines) {
    const s = line.setting;
    if (!s) continue;
    const style = s.equals ? (/\s/.test(s.separator) ? ' = ' : '=') : ' ';
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  let best = ' = ';
  for (const [style, n] of counts) if (n > (counts.get(best) ?? 0)) best = style;
  return best;
}

/**
 * Lines appended at the end of the file, as one insertion placed before the final line break as
 * `<eol>line…`: the same bytes as appending `line<eol>`, but it composes with other rules' appends,
 * keeps a missing final line break missing, and is re-indented right when the file sits in a YAML
 * block scalar (a ConfigMap).
 */
export function appendEdit(conf: ConfFile, lines: readonly string[]): TextEdit {
  const { text, eol } = conf;
  if (text === '') return { start: 0, end: 0, text: lines.map((l) => `${l}${eol}`).join('') };
  const at = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
  return { start: at, end: at, text: lines.map((l) => `${eol}${l}`).join('') };
}

/** Every edit PATCH makes to give each key its wanted value. */
export function patchConf(conf: ConfFile, wanted: readonly WantedValue[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const appended: string[] = [];
  for (const w of wanted) {
    const last = lastSetting(conf, w.key);
    if (last) {
      edits.push({ ...last.valueRange, text: replacementText(last, w) });
      continue;
    }
    const candidate = commentedCandidate(conf, w.key);
    if (candidate) {
      edits.push({ start: candidate.line.start, end: candidate.prefixEnd, text: '' });
      edits.push({ ...candidate.setting.valueRange, text: replacementText(candidate.setting, w) });
      continue;
    }
    const value = renderValue(w, false);
    appended.push(`${w.key}${majoritySeparator(conf)}${conf.autoConf ? `'${value}'` : value}`);
  }
  if (appended.length > 0) edits.push(appendEdit(conf, appended));
  return edits;
}
