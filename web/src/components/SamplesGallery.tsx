import { useCallback, useId, useRef, useState } from 'react';
import { loadSample, SAMPLE_GROUPS, SAMPLES, type Sample } from '../lib/samples';
import { useAppStore } from '../store';

/**
 * Opens a sample as if its file had been opened: text and file name, so detection goes by the name.
 * A sample of several files opens them as tabs, the first one shown.
 */
export function useOpenSample(): (sample: Sample) => Promise<void> {
  const loadText = useAppStore((s) => s.loadText);
  const openFiles = useAppStore((s) => s.openFiles);
  return useCallback(
    async (sample: Sample) => {
      try {
        const text = await loadSample(sample);
        if (!sample.companions) {
          loadText(text, sample.filename);
          return;
        }
        const companions = await Promise.all(
          sample.companions.map(async (c) => ({ text: await loadSample(c), filename: c.filename })),
        );
        openFiles([{ text, filename: sample.filename }, ...companions], 0);
      } catch {
        const store = useAppStore.getState();
        store.failChecking(store.revision, 'Could not load the sample. Reload the page and try again.');
      }
    },
    [loadText, openFiles],
  );
}

/**
 * One button per supported stack, grouped. Shown in the empty state; `SamplesMenu` carries the same
 * list for when the editor already holds text.
 */
export function SamplesGallery({ onOpen }: { onOpen?: () => void }) {
  const open = useOpenSample();
  const headingId = useId();

  return (
    <section className="samples" aria-labelledby={headingId}>
      <h3 id={headingId} className="samples__title">
        Or open a sample
      </h3>
      {SAMPLE_GROUPS.map((group) => {
        const samples = SAMPLES.filter((s) => s.group === group);
        if (samples.length === 0) return null;
        return (
          <div key={group} className="samples__group">
            <h4 className="samples__group-title">{group}</h4>
            <ul className="samples__list">
              {samples.map((sample) => (
                <li key={sample.id}>
                  <button
                    type="button"
                    className="sample"
                    data-sample={sample.id}
                    onClick={() => {
                      onOpen?.();
                      void open(sample);
                    }}
                  >
                    <span className="sample__title">{sample.title}</span>{' '}
                    <span className="sample__file">{sample.filename ?? 'pasted text'}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** A "Samples" disclosure for a toolbar: the gallery in a popover that closes once a sample opens. */
export function SamplesMenu() {
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={details}
      className="samples-menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        details.current?.querySelector('summary')?.focus();
      }}
    >
      <summary className="button">Samples</summary>
      {open && (
        <div className="samples-menu__panel">
          <SamplesGallery onOpen={() => setOpen(false)} />
        </div>
      )}
    </details>
  );
}
