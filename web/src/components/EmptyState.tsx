import { EXAMPLE_TEXT } from '../lib/example';
import { useAppStore } from '../store';
import { SamplesGallery } from './SamplesGallery';

export function EmptyState({ message }: { message: string | undefined }) {
  const loadText = useAppStore((s) => s.loadText);
  return (
    <div className="empty-state">
      <p className="empty-state__title">{message ?? 'Nothing to check yet.'}</p>
      <p>
        Paste the code or config that creates your connection pool into the editor, open a file, or drop one
        anywhere on this page. Findings and a patched copy appear here as you type. An error message or a
        stack trace works too: the page tells you which stack failed and what to paste next.
      </p>
      <button type="button" className="button button--primary" onClick={() => loadText(EXAMPLE_TEXT, null)}>
        Load example
      </button>
      <SamplesGallery />
    </div>
  );
}
