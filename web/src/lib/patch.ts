import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A unified diff from `before` to `after` for a file called `name`, as `git diff` writes one: paths
 * `a/NAME` and `b/NAME` (so `git apply` and `patch -p1` take it in the file's folder), three lines of
 * context, no `Index:` or `===` lines.
 *
 * Lines are split at `\n` only and keep their `\r`, so a CRLF file gives a patch whose lines end in
 * `\r\n` while its headers end in `\n`, and GNU patch and `git apply` put the carriage returns back byte
 * for byte (patch.test.ts applies every case with both). A missing final newline gets the usual
 * `\ No newline at end of file` marker, and a byte-order mark is just part of the first line. Names
 * with spaces or non-ASCII characters are C-quoted, as git quotes them.
 *
 * Loaded on demand: the page's first chunk does not need the diff library.
 */
export function unifiedPatch(name: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
