import type { TextEdit, Utf16Range } from '../../../core/types';
import type { Literal } from './literal';

/**
 * One vocabulary for every JVM config shape (application.properties / .yml, hikari.properties, Java
 * setters and builders): a rule reads `ConfigEntry`s and asks for edits, and never needs to know
 * whether the file spelled the key `keepalive-time`, `keepaliveTime` or `setKeepaliveTime(…)`.
 */
export interface ConfigValue {
  /** The value as written, quotes included. */
  range: Utf16Range;
  text: string;
  /**
   * The decoded value when the file states it literally; null for expressions the file cannot tell
   * (a constant, a call, `System.getenv`, a `${PLACEHOLDER}`), which rules report but never rewrite.
   */
  literal: Literal | null;
  /** True for Spring `${…}` placeholders (resolved at run time). */
  placeholder: boolean;
  /** The number it evaluates to (Java constant expressions, `TimeUnit…toMillis`), when known. */
  number: number | null;
  /** An edit that replaces the value with `value`, in the syntax and style of the file. */
  write(value: string | number | boolean): TextEdit;
}

export interface ConfigEntry {
  /** The key as written: `spring.datasource.hikari.keepalive-time`, `keepaliveTime`, `setKeepaliveTime`. */
  key: string;
  keyRange: Utf16Range;
  /** Null for `key=` / `key:` with nothing after it. */
  value: ConfigValue | null;
  /** The whole entry (line, pair or statement), for reports. */
  range: Utf16Range;
  /** Deletes the entry with its line when it has one to itself. */
  remove(): TextEdit[];
  /** Renames the key in place (properties and YAML only). */
  renameKey?(key: string): TextEdit;
}

/** The numeric value of an entry, or null when absent or not a number. */
export function numberOf(entry: ConfigEntry | undefined): number | null {
  return entry?.value?.number ?? null;
}

/** Trimmed decoded text, or null when the value is not literal. */
export function textOf(entry: ConfigEntry | undefined): string | null {
  const literal = entry?.value?.literal;
  return literal ? literal.value.trim() : null;
}

/** A literal integer in plain decimal digits (what Spring and `Properties` can bind to a long). */
export function parseLong(text: string): number | null {
  const t = text.trim();
  return /^-?\d{1,15}$/.test(t) ? Number(t) : null;
}

/** 120000 → `120_000` when the file groups digits that way. */
export function groupDigits(value: number, separator = '_'): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
