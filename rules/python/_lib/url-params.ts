import type { TextEdit } from '../../../core/types';
import type { Param, ParsedUri } from '../../_lib/connection-string';

/**
 * Removes several query parameters of one URI at once, with edits that never overlap (so they
 * compose in one fix): a parameter after a kept one takes the `&` before it, one before every kept
 * parameter takes the `&` after it, and removing them all removes the `?` too. Offsets are relative
 * to the URI text, like the parse's.
 */
export function removeParamsEdits(parsed: ParsedUri, remove: readonly Param[]): TextEdit[] {
  const removed = new Set(remove);
  const params = parsed.params;
  if (params.length > 0 && params.every((p) => removed.has(p))) {
    const first = params[0] as Param;
    return [{ start: first.range.start - 1, end: parsed.queryEnd, text: '' }];
  }
  const edits: TextEdit[] = [];
  let keptBefore = false;
  for (const param of params) {
    if (!removed.has(param)) {
      keptBefore = true;
      continue;
    }
    edits.push(
      keptBefore
        ? { start: param.range.start - 1, end: param.range.end, text: '' }
        : { start: param.range.start, end: param.range.end + 1, text: '' },
    );
  }
  return edits;
}

/** Shifts edits made relative to a string's content to file offsets. */
export function shiftEdits(edits: readonly TextEdit[], offset: number): TextEdit[] {
  return edits.map((e) => ({ start: e.start + offset, end: e.end + offset, text: e.text }));
}
