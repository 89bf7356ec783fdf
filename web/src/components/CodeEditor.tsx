import Editor from '@monaco-editor/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Severity } from '../../../engine/index';
import { useEditorLanguage } from '../hooks/useEditorLanguage';
import { alignModelWithText } from '../lib/line-endings';
import { registerFindingActions } from '../monaco/codeActions';
import { monaco } from '../monaco/monaco';
import { useAppStore } from '../store';

const MARKER_SEVERITY: Record<Severity, monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Config text',
  automaticLayout: true,
  fontSize: 13,
  lineNumbersMinChars: 3,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  renderLineHighlightOnlyWhenFocus: true,
  hideCursorInOverviewRuler: true,
  placeholder: 'Paste a connection-pool config here…',
  // Pasted configs keep their own indentation; the fix edits rely on it.
  autoIndentOnPaste: false,
  formatOnPaste: false,
  quickSuggestions: false,
  wordBasedSuggestions: 'off',
  tabSize: 4,
  padding: { top: 8, bottom: 8 },
  fixedOverflowWidgets: true,
};

/** The hover on a redacted range: what anything shared shows in its place. */
function redactedHover(placeholder: string): monaco.IMarkdownString {
  return { value: `Redacted as \`${placeholder}\` in anything shared` };
}

/**
 * Monaco bound to the store: edits go in, findings come back as markers (with code actions that
 * choose their fixes), redacted values as highlighted ranges, and the selection goes out for
 * "Redact selection".
 */
export default function CodeEditor({ fallback }: { fallback: ReactNode }) {
  const text = useAppStore((s) => s.text);
  const tabId = useAppStore((s) => s.activeTabId);
  const tabIds = useAppStore((s) => s.tabs.map((t) => t.id).join(' '));
  const editText = useAppStore((s) => s.editText);
  const reveal = useAppStore((s) => s.reveal);
  const result = useAppStore((s) => s.result);
  const fresh = useAppStore((s) => s.resultRevision === s.revision);
  const language = useEditorLanguage();
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const revealed = useRef(reveal?.nonce ?? 0);
  const redactedRanges = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    if (!editor) return;
    const { setSelectedText, addManualRedaction, setResultsTab } = useAppStore.getState();
    redactedRanges.current = editor.createDecorationsCollection();
    const selection = editor.onDidChangeCursorSelection(({ selection }) => {
      const model = editor.getModel();
      setSelectedText(model && !selection.isEmpty() ? model.getValueInRange(selection) : '');
    });
    const action = editor.addAction({
      id: 'staleproof.redactSelection',
      label: 'Redact selection in anything shared',
      contextMenuGroupId: '1_staleproof',
      contextMenuOrder: 1,
      precondition: 'editorHasSelection',
      run: (ed) => {
        const model = ed.getModel();
        const selected = ed.getSelection();
        if (!model || !selected || selected.isEmpty()) return;
        addManualRedaction(model.getValueInRange(selected));
        setResultsTab('redaction');
      },
    });
    return () => {
      selection.dispose();
      action.dispose();
      redactedRanges.current?.clear();
      redactedRanges.current = null;
      setSelectedText('');
    };
  }, [editor]);

  useEffect(() => {
    const model = editor?.getModel();
    const collection = redactedRanges.current;
    // Offsets of a stale result belong to older text; Monaco moves the old decorations with the edits.
    if (!model || !collection || !fresh) return;
    collection.set(
      (result?.redactions ?? []).map((r) => {
        const start = model.getPositionAt(r.range.start);
        const end = model.getPositionAt(r.range.end);
        return {
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
          options: {
            description: 'staleproof-redacted',
            inlineClassName: 'redacted-range',
            hoverMessage: redactedHover(r.placeholder),
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        };
      }),
    );
  }, [editor, result, fresh]);

  useEffect(() => {
    const model = editor?.getModel();
    // A stale result's positions belong to older text; Monaco already moves the old markers with edits.
    if (!model || !fresh) return;
    const markers: monaco.editor.IMarkerData[] = [
      ...(result?.findings ?? []).map((f) => ({
        severity: MARKER_SEVERITY[f.severity],
        message: f.message,
        source: 'staleproof',
        code: f.ruleId,
        startLineNumber: f.line,
        startColumn: f.column,
        endLineNumber: f.endLine,
        endColumn: f.endColumn,
      })),
      ...(result?.diagnostics ?? []).map((d) => ({
        severity: monaco.MarkerSeverity.Error,
        message: d.message,
        source: 'parser',
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.endLine,
        endColumn: d.endColumn,
      })),
    ];
    monaco.editor.setModelMarkers(model, 'staleproof', markers);
  }, [editor, result, fresh]);

  useEffect(() => {
    if (!editor) return;
    const actions = registerFindingActions(editor);
    return () => actions.dispose();
  }, [editor]);

  useEffect(() => {
    if (!editor || !reveal || reveal.nonce === revealed.current) return;
    revealed.current = reveal.nonce;
    const position = { lineNumber: reveal.line, column: reveal.column };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }, [editor, reveal]);

  // One model per tab (Monaco keeps each one's undo history and scroll position); a closed tab's goes.
  useEffect(() => {
    const open = new Set(tabIds.split(' ').map((id) => monaco.Uri.parse(id).toString()));
    for (const model of monaco.editor.getModels()) {
      const uri = model.uri.toString();
      if (/^file:\/\/\/tab-\d+$/.test(uri) && !open.has(uri)) model.dispose();
    }
  }, [tabIds]);

  // A loaded file (and the text there when the editor mounts) keeps its CRLF and byte-order mark when
  // edited here; typing needs no check, the model already has them.
  const alignedEditor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (alignedEditor.current === editor && useAppStore.getState().lastChange !== 'load') return;
    alignedEditor.current = editor;
    alignModelWithText(model, text);
  }, [editor, text]);

  return (
    <div className="code-editor" data-ready={editor ? 'true' : 'false'}>
      <Editor
        path={tabId}
        value={text}
        language={language}
        theme="vs"
        options={OPTIONS}
        loading={fallback}
        onMount={(mounted) => setEditor(mounted)}
        onChange={(value, event) => {
          // Aligning line endings or the byte-order mark with the text is no edit of it.
          if (!event.isEolChange && value !== undefined && value !== useAppStore.getState().text)
            editText(value);
        }}
      />
    </div>
  );
}
