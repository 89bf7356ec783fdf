import type { Redaction, RedactionCategory } from '../../../engine/index';
import { KIND_LABELS, positionOf, rangesOf } from '../lib/redaction';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';
import { SharePanel } from './SharePanel';

const GROUPS: ReadonlyArray<{ category: RedactionCategory; title: string }> = [
  { category: 'secret', title: 'Secrets' },
  { category: 'infrastructure', title: 'Infrastructure' },
];

const UNREDACT_HINT =
  'Shows the real value in the share link and the redacted download, everywhere it occurs. Only do this for a value that is not secret.';

/** One placeholder: every place its value occurs. */
interface Row {
  placeholder: string;
  first: Redaction;
  count: number;
}

function rowsOf(redactions: readonly Redaction[], category: RedactionCategory): Row[] {
  const rows = new Map<string, Row>();
  for (const r of redactions) {
    if (r.category !== category) continue;
    const row = rows.get(r.placeholder);
    if (row) row.count++;
    else rows.set(r.placeholder, { placeholder: r.placeholder, first: r, count: 1 });
  }
  return [...rows.values()];
}

/** One placeholder's row; un-redacting it un-redacts its value everywhere. */
function RedactionRow({ row }: { row: Row }) {
  const revealPosition = useAppStore((s) => s.revealPosition);
  const unredact = useAppStore((s) => s.unredact);
  const removeManualRedaction = useAppStore((s) => s.removeManualRedaction);
  const { first } = row;
  const manual = first.kind === 'manual';

  const onUnredact = () => {
    const { analysedText } = useAppStore.getState();
    const value = analysedText.slice(first.range.start, first.range.end);
    if (manual) {
      // Every hand-picked value that covers this place (it may have merged with a detected one).
      const { manualRedactions } = useAppStore.getState();
      for (const picked of manualRedactions) {
        const covers = rangesOf(analysedText, [picked]).some(
          (r) => r.start < first.range.end && first.range.start < r.end,
        );
        if (covers) removeManualRedaction(picked);
      }
    } else {
      unredact(value, first.kind);
    }
  };

  return (
    <li className="redaction-item" data-kind={first.kind} data-placeholder={row.placeholder}>
      <button
        type="button"
        className="finding__location"
        title="Show it in the editor"
        onClick={() => revealPosition(first.line, first.column)}
      >
        Line {first.line}:{first.column}
      </button>
      <span className="redaction-item__kind">{KIND_LABELS[first.kind]}</span>
      <code className="redaction-item__placeholder">{row.placeholder}</code>
      {row.count > 1 && <span className="redaction-item__more">{row.count} places</span>}
      <button
        type="button"
        className="link-button redaction-item__action"
        title={manual ? 'Stop hiding this value' : UNREDACT_HINT}
        aria-label={`Un-redact ${row.placeholder}`}
        onClick={onUnredact}
      >
        Un-redact
      </button>
    </li>
  );
}

function Unredacted() {
  const unredacted = useAppStore((s) => s.unredacted);
  const text = useAppStore((s) => s.text);
  const redactAgain = useAppStore((s) => s.redactAgain);
  const revealPosition = useAppStore((s) => s.revealPosition);
  if (unredacted.length === 0) return null;

  return (
    <section className="redaction__group" aria-label="Shown as is">
      <h4 className="findings__group-title redaction__group-title--shown">
        Shown as is in anything shared <span className="count">{unredacted.length}</span>
      </h4>
      <ul className="redaction__list">
        {unredacted.map(({ value, kind }) => {
          const at = text.indexOf(value);
          const position = at === -1 ? null : positionOf(text, at);
          return (
            <li key={value} className="redaction-item redaction-item--shown" data-kind={kind}>
              {position ? (
                <button
                  type="button"
                  className="finding__location"
                  title="Show it in the editor"
                  onClick={() => revealPosition(position.line, position.column)}
                >
                  Line {position.line}:{position.column}
                </button>
              ) : (
                <span className="redaction-item__gone">no longer in the text</span>
              )}
              <span className="redaction-item__kind">{KIND_LABELS[kind]}</span>
              <span className="redaction-item__more">{value.length} characters, not hidden</span>
              <button
                type="button"
                className="link-button redaction-item__action"
                onClick={() => redactAgain(value)}
              >
                Redact again
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Categories() {
  const secrets = useAppStore((s) => s.redactSecrets);
  const infrastructure = useAppStore((s) => s.redactInfrastructure);
  const setRedactCategory = useAppStore((s) => s.setRedactCategory);

  return (
    <fieldset className="redaction__categories">
      <legend className="visually-hidden">What to redact</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={secrets}
          onChange={(event) => setRedactCategory('secrets', event.target.checked)}
        />
        <span>
          Secrets <span className="check__hint">passwords, keys, tokens</span>
        </span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={infrastructure}
          onChange={(event) => setRedactCategory('infrastructure', event.target.checked)}
        />
        <span>
          Infrastructure identifiers{' '}
          <span className="check__hint">host names, IP addresses, database and user names</span>
        </span>
      </label>
    </fieldset>
  );
}

function RedactSelection() {
  const selected = useAppStore((s) => s.selectedText.trim());
  const addManualRedaction = useAppStore((s) => s.addManualRedaction);

  return (
    <div className="redaction__manual">
      <button
        type="button"
        className="button"
        disabled={selected === ''}
        title={
          selected === ''
            ? 'Select a value in the editor first'
            : 'Hide the selected text everywhere it occurs'
        }
        onClick={() => addManualRedaction(selected)}
      >
        Redact selection
      </button>
      <span className="hint">
        Select text in the editor to hide it too (also in the editor’s right-click menu).
      </span>
    </div>
  );
}

/**
 * What anything shared hides, by category, and the person's say over it. Values themselves never
 * appear here: each row shows where the value is, its kind and its placeholder.
 */
export function RedactionPanel() {
  const result = useAppStore((s) => s.result);
  const blank = useAppStore((s) => isBlank(s.text));
  const secrets = useAppStore((s) => s.redactSecrets);
  const redactions = blank ? [] : (result?.redactions ?? []);

  return (
    <div className="redaction">
      <SharePanel />
      <section className="redaction__section" aria-labelledby="redaction-heading">
        <h3 id="redaction-heading" className="section-title">
          What is replaced
        </h3>
        <p className="redaction__intro">
          The share link and the redacted download carry placeholders instead of these values. The patched
          download keeps your real values.
        </p>
        <Categories />
        {!secrets && (
          <p className="redaction__warning" role="status">
            Secrets are not redacted: anything you share carries them as they are.
          </p>
        )}
        <RedactSelection />
        {redactions.length === 0 ? (
          <p className="redaction__empty">
            {blank ? 'Nothing to redact yet.' : 'Nothing found to replace in this text.'}
          </p>
        ) : (
          <>
            <p className="redaction__caution">
              Un-redact shows a value as it is in the share link and the redacted download.
            </p>
            {GROUPS.map(({ category, title }) => {
              const rows = rowsOf(redactions, category);
              if (rows.length === 0) return null;
              return (
                <section key={category} className="redaction__group" aria-label={title}>
                  <h4 className="findings__group-title redaction__group-title">
                    {title} <span className="count">{rows.length}</span>
                  </h4>
                  <ul className="redaction__list">
                    {rows.map((row) => (
                      <RedactionRow key={row.placeholder} row={row} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </>
        )}
        <Unredacted />
      </section>
    </div>
  );
}
