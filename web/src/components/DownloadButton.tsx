import { patchedFileName, saveText } from '../lib/files';
import { useAppStore } from '../store';

export function DownloadButton() {
  const result = useAppStore((s) => s.result);
  const filename = useAppStore((s) => s.filename);
  // A patch of older text would undo the latest edits: wait for the result of the current text.
  const fresh = useAppStore((s) => s.resultRevision === s.revision);
  const changed = Boolean(result?.changed);
  const name = result ? patchedFileName(filename, result.format.format) : 'patched';

  return (
    <button
      type="button"
      className="button button--primary"
      disabled={!changed || !fresh}
      title={changed ? `Save the patched file as ${name}, with your real values` : 'Nothing to change'}
      onClick={() => result && saveText(result.patched, name)}
    >
      Download patched file
    </button>
  );
}
