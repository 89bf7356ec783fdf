import { useEffect, useRef } from 'react';
import { useAppStore } from '../store';

/** A plain textarea with the same text, usable before Monaco has loaded. */
export function PlainEditor() {
  const text = useAppStore((s) => s.text);
  const editText = useAppStore((s) => s.editText);
  const reveal = useAppStore((s) => s.reveal);
  const setSelectedText = useAppStore((s) => s.setSelectedText);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const node = ref.current;
    if (!reveal || !node) return;
    const lines = node.value.split('\n');
    const offset =
      lines.slice(0, reveal.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + reveal.column - 1;
    node.focus();
    node.setSelectionRange(offset, offset);
  }, [reveal]);

  return (
    <textarea
      ref={ref}
      className="plain-editor"
      aria-label="Config text"
      placeholder="Paste a connection-pool config here, open a file, or drop one on the page."
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      value={text}
      onChange={(event) => editText(event.target.value)}
      onSelect={(event) => {
        const node = event.currentTarget;
        setSelectedText(node.value.slice(node.selectionStart, node.selectionEnd));
      }}
    />
  );
}
