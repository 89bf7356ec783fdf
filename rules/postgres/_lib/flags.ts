import { detectEol } from '../../../core/text';
/**
 * PostgreSQL settings given on the server's command line (`postgres -c name=value`, `--name=value`)
 * in docker-compose `command:` / `entrypoint:` and Kubernetes container `command:` / `args:`. A
 * command-line setting overrides postgresql.conf and postgresql.auto.conf (source ARGV outranks FILE
 * in guc.c), so the same rules read these.
 *
 * Shapes: a string (`command: postgres -c a=1`, also a folded/literal block scalar), a flow sequence
 * (`["postgres", "-c", "a=1"]`) or a block sequence (`- -c` / `- a=1`). In shell scripts, a command
 * line that runs `postgres` (or `docker run … postgres:16`) with flags. Only a mapping that runs a
 * PostgreSQL server (an image `postgres…` / `bitnami/postgresql…`, or a command whose first word is
 * `postgres`) and holds at least one setting flag is read: without flags the image's own
 * postgresql.conf decides, which the file does not show.
 */

import type { Node } from 'web-tree-sitter';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { isPostgresImage, majorFromConfText, majorFromImage } from './versions';

export interface FlagSetting {
  name: string;
  key: string;
  value: string;
  /** Where the value text sits in the file; null when quoting makes an in-place edit unsafe. */
  valueRange: Utf16Range | null;
  range: Utf16Range;
}

export interface FlagTarget {
  /** `command` / `args` / `entrypoint`, and the service or container name when known. */
  label: string;
  anchor: Utf16Range;
  settings: FlagSetting[];
  major: number | undefined;
  /** The text that appends `-c key=value` flags, or null when the shape is not safe to extend. */
  append(pairs: readonly string[]): TextEdit | null;
}

interface Word {
  text: string;
  start: number;
  end: number;
  /** False when the word carries quotes or escapes, so file offsets do not map 1:1. */
  plain: boolean;
}

const COMMAND_KEYS = new Set(['command', 'args', 'entrypoint']);

function scalarText(node: Node | null): string | null {
  if (!node) return null;
  const inner = node.type === 'flow_node' ? node.namedChildren[0] : node;
  if (!inner) return null;
  if (inner.type === 'plain_scalar') return inner.text;
  if (inner.type === 'double_quote_scalar' || inner.type === 'single_quote_scalar') {
    return inner.text.slice(1, -1);
  }
  return null;
}

/** A scalar sequence item as a word: quotes stripped, offsets of the content. */
function itemWord(node: Node): Word | null {
  const inner = node.type === 'flow_node' ? node.namedChildren[0] : node;
  if (!inner) return null;
  if (inner.type === 'plain_scalar') {
    return { text: inner.text, start: inner.startIndex, end: inner.endIndex, plain: true };
  }
  if (inner.type === 'double_quote_scalar' || inner.type === 'single_quote_scalar') {
    const body = inner.text.slice(1, -1);
    const plain = !/[\\']/.test(body) || (inner.type === 'single_quote_scalar' && !body.includes("'"));
    return { text: body, start: inner.startIndex + 1, end: inner.endIndex - 1, plain };
  }
  return null;
}

/** Splits a command string into words the way a shell-like splitter would (compose uses shlex). */
function splitWords(text: string, base: number): Word[] {
  const words: Word[] = [];
  const re = /(?:[^\s'"\\]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const start = base + (m.index ?? 0);
    const whole = /^'([^']*)'$|^"([^"\\]*)"$/.exec(raw);
    if (whole) {
      words.push({
        text: whole[1] ?? whole[2] ?? '',
        start: start + 1,
        end: start + raw.length - 1,
        plain: true,
      });
    } else {
      const plain = !/['"\\]/.test(raw);
      const text = raw.replace(/\\(.)/g, '$1').replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"/g, '$1$2');
      words.push({ text, start, end: start + raw.length, plain });
    }
  }
  return words;
}

/** `-c name=value`, `-cname=value`, `--name=value` (dashes in names read as underscores). */
export function flagSettings(words: readonly Word[]): FlagSetting[] {
  const out: FlagSetting[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    let pair: Word | null = null;
    let offset = 0;
    if (w.text === '-c' && words[i + 1]) {
      pair = words[i + 1] as Word;
      i++;
    } else if (/^-c[A-Za-z_]/.test(w.text)) {
      pair = w;
      offset = 2;
    } else if (/^--[A-Za-z_][\w.-]*=/.test(w.text)) {
      pair = w;
      offset = 2;
    }
    if (!pair) continue;
    const body = pair.text.slice(offset);
    const eq = body.indexOf('=');
    if (eq <= 0) continue;
    const name = body.slice(0, eq);
    const valueStart = pair.start + offset + eq + 1;
    out.push({
      name,
      key: name.replace(/-/g, '_').toLowerCase(),
      value: body.slice(eq + 1),
      valueRange: pair.plain ? { start: valueStart, end: pair.end } : null,
      range: { start: w.start, end: pair.end },
    });
  }
  return out;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEndOf(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl === -1 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function eolOf(text: string): string {
  return detectEol(text);
}

function targetFor(
  text: string,
  value: Node,
): (Omit<FlagTarget, 'label' | 'anchor' | 'major'> & { words: Word[] }) | null {
  const node = value.type === 'flow_node' || value.type === 'block_node' ? value.namedChildren[0] : value;
  if (!node) return null;
  if (
    node.type === 'plain_scalar' ||
    node.type === 'double_quote_scalar' ||
    node.type === 'single_quote_scalar'
  ) {
    const word = itemWord(node);
    if (!word) return null;
    const escaped = node.type === 'double_quote_scalar' && node.text.includes('\\');
    const words = splitWords(word.text, word.start).map((w) => (escaped ? { ...w, plain: false } : w));
    const at = word.end;
    return {
      words,
      settings: flagSettings(words),
      append: (pairs) =>
        escaped ? null : { start: at, end: at, text: pairs.map((p) => ` -c ${p}`).join('') },
    };
  }
  if (node.type === 'block_scalar') {
    const header = node.text.indexOf('\n');
    if (header === -1) return null;
    const words = splitWords(node.text.slice(header + 1), node.startIndex + header + 1);
    const last = words[words.length - 1];
    return {
      words,
      settings: flagSettings(words),
      append: (pairs) => {
        if (!last) return null;
        const at = lineEndOf(text, last.end);
        return { start: at, end: at, text: pairs.map((p) => ` -c ${p}`).join('') };
      },
    };
  }
  if (node.type === 'flow_sequence') {
    const items = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'flow_node');
    const words = items.map(itemWord);
    if (words.some((w) => w === null)) return null;
    const ws = words as Word[];
    const lastItem = items[items.length - 1];
    const lastInner = lastItem?.namedChildren[0];
    const q =
      lastInner?.type === 'double_quote_scalar' ? '"' : lastInner?.type === 'single_quote_scalar' ? "'" : '';
    return {
      words: ws,
      settings: flagSettings(ws),
      append: (pairs) => {
        if (!lastItem) return null;
        const at = lastItem.endIndex;
        return { start: at, end: at, text: pairs.map((p) => `, ${q}-c${q}, ${q}${p}${q}`).join('') };
      },
    };
  }
  if (node.type === 'block_sequence') {
    const items = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'block_sequence_item');
    const words: Word[] = [];
    for (const item of items) {
      const inner = item.namedChildren[0];
      const w = inner ? itemWord(inner) : null;
      if (!w) return null;
      words.push(w);
    }
    const lastItem = items[items.length - 1];
    const lastInner = lastItem?.namedChildren[0]?.namedChildren[0];
    const q =
      lastInner?.type === 'double_quote_scalar' ? '"' : lastInner?.type === 'single_quote_scalar' ? "'" : '';
    return {
      words,
      settings: flagSettings(words),
      append: (pairs) => {
        if (!lastItem) return null;
        const lineStart = lineStartOf(text, lastItem.startIndex);
        const indent = text.slice(lineStart, lastItem.startIndex);
        if (!/^[ \t]*$/.test(indent)) return null;
        const eol = eolOf(text);
        const at = lineEndOf(text, lastItem.endIndex);
        const body = pairs.map((p) => `${eol}${indent}- ${q}-c${q}${eol}${indent}- ${q}${p}${q}`).join('');
        return { start: at, end: at, text: body };
      },
    };
  }
  return null;
}

/** The service (compose) or container (k8s) name of a mapping, for messages. */
function mappingName(mapping: Node): string | undefined {
  for (const pair of mapping.namedChildren) {
    if (pair?.type === 'block_mapping_pair' && scalarText(pair.childForFieldName('key')) === 'name') {
      return scalarText(pair.childForFieldName('value')) ?? undefined;
    }
  }
  const parentPair = mapping.parent?.parent;
  if (parentPair?.type === 'block_mapping_pair')
    return scalarText(parentPair.childForFieldName('key')) ?? undefined;
  return undefined;
}

/** Every command line in a YAML document that runs PostgreSQL with at least one setting flag. */
export function flagTargets(doc: ParsedDocument): FlagTarget[] {
  const out: FlagTarget[] = [];
  const mappings = doc.root.descendantsOfType('block_mapping');
  for (const mapping of mappings) {
    if (!mapping) continue;
    const pairs = mapping.namedChildren.filter((p): p is Node => p?.type === 'block_mapping_pair');
    const image = pairs
      .map((p) =>
        scalarText(p.childForFieldName('key')) === 'image' ? scalarText(p.childForFieldName('value')) : null,
      )
      .find((v) => v !== null && v !== undefined);
    for (const pair of pairs) {
      const key = scalarText(pair.childForFieldName('key'));
      const value = pair.childForFieldName('value');
      if (!key || !COMMAND_KEYS.has(key) || !value) continue;
      const target = targetFor(doc.text, value);
      if (!target || target.settings.length === 0) continue;
      const first = target.words[0]?.text ?? '';
      const runsPostgres =
        (image !== undefined && image !== null && isPostgresImage(image)) || /(^|\/)postgres$/.test(first);
      if (!runsPostgres) continue;
      const name = mappingName(mapping);
      const keyNode = pair.childForFieldName('key') as Node;
      out.push({
        label: `\`${key}:\`${name ? ` of ${name}` : ''}`,
        anchor: { start: keyNode.startIndex, end: keyNode.endIndex },
        settings: target.settings,
        major: image ? majorFromImage(image) : undefined,
        append: target.append,
      });
    }
  }
  return out;
}

/** Shell command lines joined across `\` continuations, with their offsets. */
function logicalLines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    for (;;) {
      const nl = text.indexOf('\n', end);
      const stop = nl === -1 ? text.length : nl;
      const body = text.slice(end, stop).replace(/\r$/, '');
      if (nl !== -1 && body.endsWith('\\')) {
        end = nl + 1;
        continue;
      }
      end = stop;
      break;
    }
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/**
 * `postgres -c a=1 …` or `docker run … postgres:16 -c a=1` in a shell script. New flags go right
 * after the last setting flag, so trailing arguments (`"$@"`, `&`) keep their place.
 */
export function shellTargets(text: string): FlagTarget[] {
  const out: FlagTarget[] = [];
  for (const line of logicalLines(text)) {
    const body = text.slice(line.start, line.end);
    if (/^\s*#/.test(body)) continue;
    const words = splitWords(body, line.start);
    const at = words.findIndex(
      (w) => /(^|\/)postgres$/.test(w.text) || (/:/.test(w.text) && isPostgresImage(w.text)),
    );
    if (at === -1) continue;
    const runner = words[at] as Word;
    const settings = flagSettings(words.slice(at + 1));
    const lastSetting = settings[settings.length - 1];
    if (!lastSetting) continue;
    out.push({
      label: `\`${runner.text}\` on line ${text.slice(0, line.start).split('\n').length}`,
      anchor: { start: runner.start, end: runner.end },
      settings,
      major: majorFromImage(runner.text) ?? majorFromConfText(runner.text),
      append: (pairs) => {
        const end =
          lastSetting.range.end +
          (text[lastSetting.range.end] === "'" || text[lastSetting.range.end] === '"' ? 1 : 0);
        return { start: end, end, text: pairs.map((p) => ` -c ${p}`).join('') };
      },
    });
  }
  return out;
}
