import type { TextEdit, Utf16Range } from '../core/types';
import { detectFormat } from '../wasm-parsers/detect';
import type { FormatId } from '../wasm-parsers/formats';
import type { ParsedDocument } from '../wasm-parsers/parser-host';

/**
 * Configs embedded in YAML manifests: a Kubernetes ConfigMap's `pgbouncer.ini: |` or a Helm value
 * holding `superset_config.py: |`. The block scalar's content, dedented, is a document of its own;
 * findings and edits in it map back to the manifest, and inserted lines get the block's indentation.
 */
export interface EmbeddedDocument {
  /** The YAML key that names it, e.g. `pgbouncer.ini`. */
  key: string;
  format: FormatId;
  /** Recognised from its content rather than its key: only trusted if it parses cleanly. */
  byContent: boolean;
  text: string;
  toOuter(offset: number): number;
  rangeToOuter(range: Utf16Range): Utf16Range;
  editToOuter(edit: TextEdit): TextEdit;
}

const BLOCK_SCALARS = `
(block_mapping_pair
  key: (flow_node) @key
  value: (block_node (block_scalar) @value))
`;

/** Block scalars often hold shell scripts and prose: only clear content signals count. */
const MIN_CONTENT_CONFIDENCE = 0.6;

function unquote(key: string): string {
  return key.replace(/^(['"])(.*)\1$/, '$2');
}

/** Literal block scalars (`|`, `|-`, `|+`, `|2`) under keys that look like file names. */
export function embeddedDocuments(doc: ParsedDocument): EmbeddedDocument[] {
  const out: EmbeddedDocument[] = [];
  for (const match of doc.query(BLOCK_SCALARS).matches(doc.root)) {
    const keyNode = match.captures.find((c) => c.name === 'key')?.node;
    const value = match.captures.find((c) => c.name === 'value')?.node;
    if (!keyNode || !value) continue;
    const key = unquote(keyNode.text.trim());
    const header = /^\|([1-9])?[-+]?([1-9])?[ \t]*(#.*)?(\r?\n)/.exec(value.text);
    if (!header) continue; // folded (`>`) scalars rewrap lines: not a file's text
    const embedded = dedent(doc.text, value.startIndex + header[0].length, value.endIndex, header);
    if (!embedded) continue;
    // A key that names a file decides (`pgbouncer.ini`); otherwise the content must be convincing
    // (Helm values such as Superset's `configOverrides` hold Python under arbitrary keys).
    const byName = detectFormat(embedded.text, { filename: key });
    const detection = byName.source === 'filename' ? byName : detectFormat(embedded.text);
    const convincing = detection.source === 'filename' || detection.confidence >= MIN_CONTENT_CONFIDENCE;
    if (detection.format === 'unknown' || detection.format === 'yaml' || !convincing) continue;
    out.push({ key, format: detection.format, byContent: detection.source !== 'filename', ...embedded });
  }
  return out;
}

function dedent(outer: string, start: number, end: number, header: RegExpExecArray) {
  const raw = outer.slice(start, end);
  const lines = raw.split('\n');
  const explicit = Number(header[1] ?? header[2] ?? 0);
  const firstContent = lines.find((l) => l.trim().length > 0);
  if (!firstContent) return null;
  const parentIndent = /^[ ]*/.exec(
    outer.slice(outer.lastIndexOf('\n', start - header[0].length - 1) + 1),
  )?.[0].length;
  const width = explicit ? (parentIndent ?? 0) + explicit : (/^[ ]*/.exec(firstContent)?.[0].length ?? 0);
  const indent = ' '.repeat(width);
  const innerStarts: number[] = [];
  const outerStarts: number[] = [];
  const removed: number[] = [];
  let text = '';
  let outerOffset = start;
  for (const [i, line] of lines.entries()) {
    const strip = line.startsWith(indent)
      ? width
      : line.trim() === ''
        ? line.length - line.replace(/^[ ]*/, '').length
        : 0;
    if (strip === 0 && line.trim() !== '' && width > 0) return null; // less indented: not our block
    innerStarts.push(text.length);
    outerStarts.push(outerOffset);
    removed.push(strip);
    text += line.slice(strip) + (i < lines.length - 1 ? '\n' : '');
    outerOffset += line.length + 1;
  }
  const toOuter = (offset: number) => {
    let lo = 0;
    let hi = innerStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((innerStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (outerStarts[lo] ?? 0) + (removed[lo] ?? 0) + offset - (innerStarts[lo] ?? 0);
  };
  return {
    text,
    toOuter,
    rangeToOuter: (range: Utf16Range) => ({ start: toOuter(range.start), end: toOuter(range.end) }),
    editToOuter: (edit: TextEdit) => {
      // Inserted lines get the block's indentation after each line break. Text written at the start
      // of a line that kept less than that (a blank line, or the end of the block after its last line
      // break) needs the rest of the indentation first, or an appended line lands at column 0 and ends
      // the block scalar; and the line it was written before keeps its own leading blanks.
      const line = innerStarts.indexOf(edit.start);
      const kept = line >= 0 ? (removed[line] ?? 0) : width;
      let body = edit.text;
      let tail = '';
      if (line >= 0 && body.endsWith('\n')) {
        body = body.slice(0, -1);
        tail = `\n${' '.repeat(kept)}`;
      }
      const lead = line >= 0 && edit.text !== '' ? ' '.repeat(Math.max(0, width - kept)) : '';
      return {
        start: toOuter(edit.start),
        end: toOuter(edit.end),
        text: lead + body.replace(/\n/g, `\n${indent}`) + tail,
      };
    },
  };
}
