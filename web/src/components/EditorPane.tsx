import { lazy, Suspense, useEffect, useRef } from 'react';
import { EDITOR_MAX_CHARS } from '../lib/limits';
import { useAppStore } from '../store';
import { EnvironmentPanel } from './EnvironmentPanel';
import { FileTabs } from './FileTabs';
import { FileToolbar } from './FileToolbar';
import { FormatPicker } from './FormatPicker';
import { LargeInputNotice } from './LargeInputNotice';
import { PlainEditor } from './PlainEditor';

// Monaco is a few megabytes: the page paints and takes input first, the editor follows.
const CodeEditor = lazy(() => import('./CodeEditor'));

export function EditorPane() {
  const tooLarge = useAppStore((s) => s.text.length > EDITOR_MAX_CHARS);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const node = area.current;
    if (!node) return;
    // Capture phase, before Monaco or the textarea sees it: a huge paste is kept in the store only.
    const onPaste = (event: ClipboardEvent) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length <= EDITOR_MAX_CHARS) return;
      event.preventDefault();
      event.stopPropagation();
      useAppStore.getState().loadText(pasted, null);
    };
    node.addEventListener('paste', onPaste, true);
    return () => node.removeEventListener('paste', onPaste, true);
  }, []);

  return (
    <section className="pane pane--editor" aria-labelledby="input-heading">
      <div className="pane__head">
        <h2 id="input-heading" className="pane__title">
          Config
        </h2>
        <FileToolbar />
      </div>
      <EnvironmentPanel />
      <FileTabs />
      <FormatPicker />
      <div
        className="editor-area"
        ref={area}
        id="editor-tabpanel"
        role="tabpanel"
        aria-labelledby={`file-tab-${activeTabId}`}
      >
        {tooLarge ? (
          <LargeInputNotice />
        ) : (
          <Suspense fallback={<PlainEditor />}>
            <CodeEditor fallback={<PlainEditor />} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
