import { useState } from 'react';
import { patchedFileName, patchFileName, redactedFileName, saveText } from '../lib/files';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';

/**
 * The three downloads in one place, each button named by the file it saves: the patched file and the
 * unified patch carry the person's real values (they are for their own repository), the redacted copy
 * has placeholders (the one to share; the share panel offers it too). The patched file is the
 * engine's output as is: name, byte-order mark, line endings and final newline of the input kept.
 */
export function DownloadButton() {
  const result = useAppStore((s) => s.result);
  const filename = useAppStore((s) => s.filename);
  // A patch of older text would undo the latest edits: wait for the result of the current text.
  const fresh = useAppStore((s) => s.resultRevision === s.revision);
  const blank = useAppStore((s) => isBlank(s.text));
  const [error, setError] = useState<string | null>(null);
  const changed = Boolean(result?.changed);
  const format = result?.format.format ?? 'unknown';
  const name = patchedFileName(filename, format);
  const patchName = patchFileName(filename, format);
  const redactedName = redactedFileName(filename, format);
  const patchReady = changed && fresh;
  // Binary or oversized input has no redacted text (as in the share panel).
  const redactedReady =
    fresh &&
    !blank &&
    result !== null &&
    !result.problems.some((p) => p.kind === 'too-large' || p.kind === 'binary');

  const savePatch = async () => {
    const { result: current, analysedText } = useAppStore.getState();
    if (!current?.changed) return;
    try {
      const { unifiedPatch } = await import('../lib/patch');
      saveText(unifiedPatch(name, analysedText, current.patched), patchName, 'text/x-diff;charset=utf-8');
      setError(null);
    } catch {
      setError('The patch could not be made: reload the page and try again.');
    }
  };

  return (
    <div className="downloads">
      <div className="toolbar">
        {/* Each button's own name starts with "Download": the word here is for the eye. */}
        <span className="downloads__label" aria-hidden="true">
          Download
        </span>
        <button
          type="button"
          className="button button--primary"
          disabled={!patchReady}
          aria-label={`Download patched file ${name}`}
          title={changed ? `Save the patched file as ${name}, with your real values` : 'Nothing to change'}
          onClick={() => result && saveText(result.patched, name)}
        >
          {name}
        </button>
        <button
          type="button"
          className="button"
          disabled={!patchReady}
          aria-label={`Download ${patchName}, a patch for git apply`}
          title={
            changed
              ? `Save the changes as ${patchName}, for git apply or patch -p1 in the file's folder`
              : 'Nothing to change'
          }
          onClick={savePatch}
        >
          {patchName}
        </button>
        <button
          type="button"
          className="button"
          disabled={!redactedReady}
          aria-label={`Download ${redactedName}, with placeholders for secrets`}
          title={redactedReady ? `Save the original text with placeholders as ${redactedName}` : undefined}
          onClick={() => result && saveText(result.redacted, redactedName)}
        >
          {redactedName}
        </button>
      </div>
      <p className="downloads__note">
        {name} and {patchName} hold your real values, for your own repository; {redactedName} is the one to
        share.
      </p>
      {error && (
        <p className="downloads__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
