import { useEffect, useRef, useState } from 'react';
import { useEditorLanguage } from '../hooks/useEditorLanguage';
import { monaco } from '../monaco/monaco';
import { useAppStore } from '../store';

const OPTIONS: monaco.editor.IStandaloneDiffEditorConstructionOptions = {
  theme: 'vs',
  readOnly: true,
  originalEditable: false,
  renderSideBySide: true,
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderOverviewRuler: false,
  renderLineHighlight: 'none',
  fontSize: 13,
  lineNumbersMinChars: 3,
  hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 6 },
  diffAlgorithm: 'advanced',
};

interface Diff {
  original: monaco.editor.ITextModel;
  modified: monaco.editor.ITextModel;
}

/**
 * Original on the left, patched on the right, both read-only. Monaco's diff editor is driven
 * directly, not through @monaco-editor/react: its view model (which computes the diff in the editor
 * worker) must be disposed by whoever creates it, or a diff still being computed when the pane goes
 * away ends in an uncaught "no diff result available" once the models are gone.
 */
export default function MonacoDiff() {
  const original = useAppStore((s) => s.analysedText);
  const patched = useAppStore((s) => s.result?.patched ?? '');
  const language = useEditorLanguage();
  const container = useRef<HTMLDivElement>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  // The models start with the text, not empty: unchanged regions fold only on the first diff.
  const initial = useRef({ original, patched, language });

  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const editor = monaco.editor.createDiffEditor(node, OPTIONS);
    const start = initial.current;
    const models: Diff = {
      original: monaco.editor.createModel(start.original, start.language),
      modified: monaco.editor.createModel(start.patched, start.language),
    };
    const viewModel = editor.createViewModel(models);
    editor.setModel(viewModel);
    setDiff(models);
    return () => {
      editor.setModel(null);
      // Cancels a diff still in the worker; Monaco keeps a reference of its own and never would.
      viewModel.dispose();
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, []);

  useEffect(() => {
    if (!diff) return;
    if (diff.original.getValue() !== original) diff.original.setValue(original);
    if (diff.modified.getValue() !== patched) diff.modified.setValue(patched);
  }, [diff, original, patched]);

  useEffect(() => {
    if (!diff) return;
    monaco.editor.setModelLanguage(diff.original, language);
    monaco.editor.setModelLanguage(diff.modified, language);
  }, [diff, language]);

  return <div className="monaco-diff" ref={container} />;
}
