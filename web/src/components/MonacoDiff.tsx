import { DiffEditor } from '@monaco-editor/react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useEditorLanguage } from '../hooks/useEditorLanguage';
import type { monaco } from '../monaco/monaco';
import '../monaco/monaco';
import { useAppStore } from '../store';

const OPTIONS: monaco.editor.IDiffEditorConstructionOptions = {
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

/** Original on the left, patched on the right, both read-only. */
export default function MonacoDiff({ fallback }: { fallback: ReactNode }) {
  const original = useAppStore((s) => s.analysedText);
  const patched = useAppStore((s) => s.result?.patched ?? '');
  const language = useEditorLanguage();
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  // @monaco-editor/react disposes the models before the diff editor, which then throws "TextModel got
  // disposed before DiffEditorWidget model got reset". This cleanup runs first and detaches them.
  useEffect(
    () => () => {
      const models = editor.current?.getModel();
      editor.current?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );

  return (
    <DiffEditor
      original={original}
      modified={patched}
      language={language}
      theme="vs"
      options={OPTIONS}
      loading={fallback}
      onMount={(mounted) => {
        editor.current = mounted;
      }}
      originalModelPath="inmemory://staleproof/original"
      modifiedModelPath="inmemory://staleproof/patched"
    />
  );
}
