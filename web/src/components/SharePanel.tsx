import { useState } from 'react';
import type { FormatId, SharedFile } from '../../../engine/index';
import { shareSelection } from '../analysis/fix-selection';
import type { AnalysisView } from '../analysis/protocol';
import { markLinkHandled } from '../hooks/useSharedLink';
import { redactedFileName, saveText } from '../lib/files';
import { makeShareLink } from '../lib/share';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';

interface Link {
  url: string;
  copied: boolean;
  /** The input revision the link was made from. */
  revision: number;
}

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission or no focus: the link is in the field below for copying by hand.
    return false;
  }
}

function isUsable(result: AnalysisView): boolean {
  return !result.problems.some((p) => p.kind === 'too-large' || p.kind === 'binary');
}

/** One file of the link: the engine's redacted text, its format and name, and the chosen fixes. */
function sharedFile(
  result: AnalysisView,
  formatOverride: FormatId | null,
  filename: string | null,
): SharedFile {
  const detected = result.format.format;
  return {
    text: result.redacted,
    format: formatOverride ?? (detected === 'unknown' ? undefined : detected),
    filename: filename ?? undefined,
    // The chosen fixes, numbered as the linked (redacted) text numbers its findings.
    ...shareSelection(result.selection, result.selected, result.findings, result.redactions),
  };
}

/** The link and the redacted download: both built from the engine's redacted text, never the editor's. */
export function SharePanel() {
  const result = useAppStore((s) => s.result);
  const fresh = useAppStore((s) => s.resultRevision === s.revision);
  const revision = useAppStore((s) => s.revision);
  const blank = useAppStore((s) => isBlank(s.text));
  const filename = useAppStore((s) => s.filename);
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Binary or oversized input has no redacted text; older results belong to older text.
  const usable = result !== null && isUsable(result);
  // The other tabs go into the link too: each needs its result for the text it holds now.
  const othersReady = useAppStore((s) =>
    s.tabs.every((t) => t.id === s.activeTabId || t.text === '' || (t.result && t.analysedText === t.text)),
  );
  const tabCount = useAppStore((s) => s.tabs.filter((t) => t.id === s.activeTabId || t.text !== '').length);
  const ready = fresh && othersReady && !blank && usable && !busy;
  const downloadName = result ? redactedFileName(filename, result.format.format) : '';

  const share = async () => {
    if (!result) return;
    const state = useAppStore.getState();
    const { environment, optIn } = state;
    // Every open file goes into the link, in tab order; the others as the worker last read them.
    const files: SharedFile[] = [];
    let active = 0;
    for (const tab of state.tabs) {
      if (tab.id === state.activeTabId) {
        active = files.length;
        files.push(sharedFile(result, state.formatOverride, filename));
      } else if (tab.text !== '' && tab.result && isUsable(tab.result)) {
        files.push(sharedFile(tab.result, tab.formatOverride, tab.filename));
      }
    }
    const [first, ...others] = files as [SharedFile, ...SharedFile[]];
    setBusy(true);
    const made = await makeShareLink({
      ...first,
      ...(others.length > 0 ? { others, active } : {}),
      environment,
      optIn,
    });
    if (!made.ok) {
      setBusy(false);
      setError(made.message);
      setLink(null);
      return;
    }
    const fragment = new URL(made.url).hash;
    markLinkHandled(fragment);
    window.history.replaceState(window.history.state, '', made.url);
    const copied = await copy(made.url);
    setBusy(false);
    setError(null);
    setLink({ url: made.url, copied, revision });
  };

  return (
    <section className="share" aria-labelledby="share-heading">
      <h3 id="share-heading" className="section-title">
        Share a redacted copy
      </h3>
      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={!ready} onClick={share}>
          {tabCount > 1 ? `Copy share link (${tabCount} files)` : 'Copy share link'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready}
          title={ready ? `Save the text with placeholders as ${downloadName}` : undefined}
          onClick={() => result && saveText(result.redacted, downloadName)}
        >
          Download redacted
        </button>
      </div>
      {error && (
        <p className="share__error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <div className="share__link">
          <input
            className="input share__url"
            readOnly
            value={link.url}
            aria-label="Share link"
            onFocus={(event) => event.target.select()}
          />
          <p className="share__meta" role="status">
            {link.url.length.toLocaleString('en')} characters ·{' '}
            {link.copied ? 'copied to the clipboard' : 'select the link and copy it'}
            {link.revision !== revision && ' · made before your latest changes'}
          </p>
        </div>
      )}
      <p className="hint">
        The link holds the redacted text itself, after the # that browsers never send to a server.
      </p>
    </section>
  );
}
