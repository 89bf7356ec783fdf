import type { Node } from 'web-tree-sitter';
import { isFirstOnLine, lineEndOffset } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import { elements, removeElementEdit } from './syntax';

function commaAfter(node: Node): Node | null {
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (sibling.type === ',') return sibling;
    if (sibling.type !== 'comment') return null;
  }
  return null;
}

/** Alone on its line (with its comma and maybe a comment): removing it removes the line. */
function ownsLine(text: string, element: Node): boolean {
  const comma = commaAfter(element);
  const end = comma ? comma.endIndex : element.endIndex;
  return (
    isFirstOnLine(text, element.startIndex) && /^\s*(#.*)?$/.test(text.slice(end, lineEndOffset(text, end)))
  );
}

/**
 * Removes several elements of one argument list or dict at once, with edits that never overlap, so
 * they compose in a single fix: lines of their own go whole (as removeElementEdit does); an inline
 * element before a kept one takes its comma after, one after every kept element takes the comma
 * before it, so `f(a, b=1, c=2)` minus b and c is `f(a)`.
 */
export function removeElementsEdits(text: string, container: Node, remove: readonly Node[]): TextEdit[] {
  const items = elements(container);
  const removing = new Set(remove.map((n) => n.startIndex));
  const edits: TextEdit[] = [];
  items.forEach((item, index) => {
    if (!removing.has(item.startIndex)) return;
    if (ownsLine(text, item)) {
      edits.push(removeElementEdit(text, container, item));
      return;
    }
    const keptAfter = items.slice(index + 1).some((n) => !removing.has(n.startIndex));
    const keptBefore = items.slice(0, index).some((n) => !removing.has(n.startIndex));
    const comma = commaAfter(item);
    if (keptAfter || !keptBefore) {
      let stop = comma ? comma.endIndex : item.endIndex;
      if (keptAfter) while (stop < text.length && (text[stop] === ' ' || text[stop] === '\t')) stop++;
      edits.push({ start: item.startIndex, end: stop, text: '' });
      return;
    }
    const previous = items[index - 1] as Node;
    const before = commaAfter(previous);
    edits.push({ start: before ? before.startIndex : previous.endIndex, end: item.endIndex, text: '' });
  });
  return edits;
}
