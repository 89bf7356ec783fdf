import type { Utf16Range } from '../../../core/types';

/**
 * A value as the JVM sees it (escapes decoded) together with where each of its characters sits in
 * the file, so that an edit computed on the decoded text (a URL parameter, say) lands on the right
 * source bytes even when the file wrote `jdbc\:postgresql\://…` or `"a\tb"`.
 */
export interface Literal {
  value: string;
  /** `offsets[i]` is the file offset of decoded character i; `offsets[value.length]` is the end. */
  offsets: number[];
}

export function literalRange(literal: Literal, start: number, end: number): Utf16Range {
  return { start: literal.offsets[start] ?? 0, end: literal.offsets[end] ?? 0 };
}

/** A literal whose text is its own source (no escapes), starting at `start`. */
export function plainLiteral(text: string, start: number): Literal {
  const offsets: number[] = [];
  for (let i = 0; i <= text.length; i++) offsets.push(start + i);
  return { value: text, offsets };
}

/**
 * `java.util.Properties` decoding of a value: `\t \n \r \f \uXXXX`, any other `\x` is `x`, and a
 * backslash before a line break continues the value after the next line's leading blanks.
 */
export function propertiesLiteral(source: string, start: number): Literal {
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c !== '\\' || i + 1 >= source.length) {
      offsets.push(start + i);
      value += c;
      i++;
      continue;
    }
    const next = source[i + 1] as string;
    if (next === '\r' || next === '\n') {
      i += next === '\r' && source[i + 2] === '\n' ? 3 : 2;
      while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '\f')) i++;
      continue;
    }
    offsets.push(start + i);
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16));
      i += 6;
      continue;
    }
    const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };
    value += map[next] ?? next;
    i += 2;
  }
  offsets.push(start + source.length);
  return { value, offsets };
}

/** A Java / YAML double-quoted string body (without its quotes): the common backslash escapes. */
export function backslashLiteral(body: string, start: number): Literal {
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', b: '\b', '0': '\0' };
  while (i < body.length) {
    const c = body[i] as string;
    offsets.push(start + i);
    if (c !== '\\' || i + 1 >= body.length) {
      value += c;
      i++;
      continue;
    }
    const next = body[i + 1] as string;
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(body.slice(i + 2, i + 6), 16));
      i += 6;
      continue;
    }
    value += map[next] ?? next;
    i += 2;
  }
  offsets.push(start + body.length);
  return { value, offsets };
}

/** A YAML single-quoted body: `''` is one quote. */
export function singleQuotedLiteral(body: string, start: number): Literal {
  let value = '';
  const offsets: number[] = [];
  for (let i = 0; i < body.length; i++) {
    offsets.push(start + i);
    value += body[i];
    if (body[i] === "'" && body[i + 1] === "'") i++;
  }
  offsets.push(start + body.length);
  return { value, offsets };
}

/** Spring `${NAME}` / `${NAME:default}` placeholders: resolved at run time, never rewritten. */
export function hasPlaceholder(value: string): boolean {
  return value.includes('${');
}
