import { DiffPane } from './components/DiffPane';
import { DropOverlay } from './components/DropOverlay';
import { EditorPane } from './components/EditorPane';
import { Header } from './components/Header';
import { LinkNotice } from './components/LinkNotice';
import { ResultsPane } from './components/ResultsPane';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { useAnalysis } from './hooks/useAnalysis';
import { useFileDrop } from './hooks/useFileDrop';
import { useOpenFile } from './hooks/useOpenFile';
import { useSessionPersistence } from './hooks/useSessionPersistence';
import { useSharedLink } from './hooks/useSharedLink';
import { OfflineStatus } from './sw/OfflineStatus';

export function App() {
  useSessionPersistence();
  useAnalysis();
  useSharedLink();
  const openFile = useOpenFile();
  const dragging = useFileDrop(openFile);

  return (
    <>
      <Header />
      <LinkNotice />
      <main className="layout">
        <EditorPane />
        <ResultsPane />
        <DiffPane />
      </main>
      <footer className="footer">
        Everything runs in this tab: the parsers are WebAssembly files served with this page, and your text is
        never uploaded.
        <OfflineStatus />
      </footer>
      {dragging && <DropOverlay />}
      <ShortcutsDialog />
    </>
  );
}
