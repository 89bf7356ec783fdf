import type { Utf16Range } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

/**
 * JVM `-D` flags wherever they are written (JAVA_OPTS / JAVA_TOOL_OPTIONS in env files, shell,
 * YAML manifests, properties): found in the text, skipping comment lines.
 */
export interface JvmFlag {
  name: string;
  value: string;
  /** `-Dname=value` as written. */
  range: Utf16Range;
  nameRange: Utf16Range;
  valueRange: Utf16Range;
}

const FLAG = /(^|[\s"'=:,[])-D([A-Za-z][\w.]*)(?:=([^\s"',\]]*))?/g;

function commentLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^\s*(#|\/\/|!)/.test(text.slice(start, at));
}

export function jvmFlags(doc: ParsedDocument): JvmFlag[] {
  return doc.memo('jvm.flags', () => {
    const text = doc.text;
    const out: JvmFlag[] = [];
    for (const m of text.matchAll(FLAG)) {
      const start = (m.index ?? 0) + (m[1]?.length ?? 0);
      if (commentLine(text, start)) continue;
      const name = m[2] ?? '';
      const value = m[3] ?? '';
      const nameStart = start + 2;
      const valueStart = nameStart + name.length + 1;
      out.push({
        name,
        value,
        range: { start, end: start + 2 + name.length + (m[3] === undefined ? 0 : value.length + 1) },
        nameRange: { start: nameStart, end: nameStart + name.length },
        valueRange: { start: valueStart, end: valueStart + value.length },
      });
    }
    return out;
  });
}
