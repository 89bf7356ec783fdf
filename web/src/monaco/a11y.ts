import * as monaco from 'monaco-editor/editor/editor.api';

const SIDE_LABELS = { original: 'Original text, read-only', modified: 'Patched text, read-only' };

/** Sets an editor's accessible name, and sets it again whenever something else resets it. */
function keepAriaLabel(editor: monaco.editor.ICodeEditor, label: string): void {
  const apply = () => {
    if (editor.getOption(monaco.editor.EditorOption.ariaLabel) !== label)
      editor.updateOptions({ ariaLabel: label });
  };
  apply();
  editor.onDidChangeConfiguration((event) => {
    if (event.hasChanged(monaco.editor.EditorOption.ariaLabel)) apply();
  });
}

/**
 * Names both sides of every diff editor. Monaco 0.57 takes `originalAriaLabel` / `modifiedAriaLabel`
 * only in the update that sets them, and its next options pass (the first one, at creation, too)
 * writes an empty `aria-label` on each side: screen readers then announce a nameless text box, and
 * axe-core reports `aria-input-field-name`.
 */
monaco.editor.onDidCreateDiffEditor((diff) =>
  queueMicrotask(() => {
    keepAriaLabel(diff.getOriginalEditor(), SIDE_LABELS.original);
    keepAriaLabel(diff.getModifiedEditor(), SIDE_LABELS.modified);
  }),
);
