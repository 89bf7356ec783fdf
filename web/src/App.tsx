import { DiffPane } from './components/DiffPane';
import { DropOverlay } from './components/DropOverlay';
import { EditorPane } from './components/EditorPane';
import { Header } from './components/Header';
import { ResultsPane } from './components/ResultsPane';
import { useAnalysis } from './hooks/useAnalysis';
import { useFileDrop } from './hooks/useFileDrop';
import { useOpenFile } from './hooks/useOpenFile';

export function App() {
  useAnalysis();
  const openFile = useOpenFile();
  const dragging = useFileDrop(openFile);

  return (
    <>
      <Header />
      <main className="layout">
        <EditorPane />
        <ResultsPane />
        <DiffPane />
      </main>
      <footer className="footer">
        Everything runs in this tab: the parsers are WebAssembly files served with this page, and your text is
        never uploaded.
      </footer>
      {dragging && <DropOverlay />}
    </>
  );
}
