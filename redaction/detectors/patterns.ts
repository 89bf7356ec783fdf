/**
 * Pattern pieces shared by several rules. Every repetition is bounded: a backtracking engine then
 * needs at most (bound × positions) steps, so no input can make a rule quadratic or worse.
 */

/** A quoted string literal in any of our formats: "…", '…' or `…` (no interpolation), with escapes. */
export const QUOTED = String.raw`"(?:[^"\\\r\n]|\\.){0,1000}"|'(?:[^'\\\r\n]|\\.){0,1000}'|\`(?:[^\`$\\\r\n]|\\.){0,1000}\``;

/** A configuration key: `password`, `spring.datasource.password`, `DB_PASSWORD`, `$password`. */
export const KEY = String.raw`[A-Za-z_$][\w.$-]{0,100}`;

/** Separators between a key and its value across formats: `=`, `:`, `=>` (Ruby, PHP), `:=` (Go). */
export const SEPARATOR = '(?:=>|:=|=|:)';

/** Python string prefixes (f, r, b, u and pairs): outside the captured value. */
export const STRING_PREFIX = `(?:[rRbBuUfF]{1,2}(?=["']))?`;

/** A Python or TypeScript type annotation between a name and `=`: `password: str = "…"`. */
export const ANNOTATION = String.raw`(?:[ \t]{0,40}:[ \t]{0,40}[A-Za-z_][\w.[\]|, ]{0,40}?[ \t]{0,40}(?==))?`;
