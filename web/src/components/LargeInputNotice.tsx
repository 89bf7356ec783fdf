import { EDITOR_MAX_CHARS, formatSize } from '../lib/limits';
import { useAppStore } from '../store';

/** Stands in for the editor when the text is too large to edit here; the text itself stays in the store. */
export function LargeInputNotice() {
  const size = useAppStore((s) => s.text.length);
  const filename = useAppStore((s) => s.filename);
  const loadText = useAppStore((s) => s.loadText);

  return (
    <div className="large-notice" role="status">
      <p className="large-notice__title">
        {filename ? `${filename} is` : 'This text is'} {formatSize(size)}, too large to show in the editor.
      </p>
      <p>
        It is kept in this tab, not shown. The editor takes up to {formatSize(EDITOR_MAX_CHARS)}; open the
        file that configures the pool rather than a log or a bundle.
      </p>
      <button type="button" className="button" onClick={() => loadText('', null)}>
        Clear and start over
      </button>
    </div>
  );
}
