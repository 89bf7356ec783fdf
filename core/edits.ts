import type { TextEdit } from './types';

export class EditConflictError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(`edits overlap: [${first.start}, ${first.end}) and [${second.start}, ${second.end})`);
    this.name = 'EditConflictError';
  }
}

/**
 * Two edits conflict when their replaced ranges share a character, or when one inserts strictly inside
 * the other's replaced range. Insertions at the same offset do not conflict: they are applied in the
 * order given, which lets independent rules each append an argument at the same place.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return false;
  if (aInsert) return a.start > b.start && a.start < b.end;
  if (bInsert) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Orders edits by position, keeping the given order for insertions at the same offset. */
function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((x, y) => {
      if (x.edit.start !== y.edit.start) return x.edit.start - y.edit.start;
      const xInsert = x.edit.start === x.edit.end ? 0 : 1;
      const yInsert = y.edit.start === y.edit.end ? 0 : 1;
      return xInsert - yInsert || x.index - y.index;
    })
    .map((x) => x.edit);
}

/** Throws EditConflictError when two edits overlap; otherwise returns the edited text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  for (const edit of edits) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside a text of ${text.length}`);
    }
  }
  const sorted = sortEdits(edits);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i] as TextEdit;
      const b = sorted[j] as TextEdit;
      if (b.start > a.end) break;
      if (editsConflict(a, b)) throw new EditConflictError(a, b);
    }
  }
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
