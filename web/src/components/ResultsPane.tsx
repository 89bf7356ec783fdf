import { type KeyboardEvent, lazy, Suspense } from 'react';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';
import type { ResultsTab } from '../store/uiSlice';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { ProblemBanner } from './ProblemBanner';
import { RedactionPanel } from './RedactionPanel';

const TABS: ReadonlyArray<{ id: ResultsTab; label: string }> = [
  { id: 'findings', label: 'Findings' },
  { id: 'redaction', label: 'Redaction' },
  { id: 'explain', label: 'Explain' },
];

/** Loaded when the tab is first opened: the SDK and the markdown renderer stay out of the first chunk. */
const ExplainPanel = lazy(() => import('./ExplainPanel'));

function Findings() {
  const empty = useAppStore((s) => isBlank(s.text));
  const result = useAppStore((s) => s.result);
  const failure = useAppStore((s) => s.failure);
  const problems = (result?.problems ?? []).filter((p) => p.kind !== 'empty');
  const fatal = problems.some((p) => p.fatal);

  return (
    <>
      {failure && <ProblemBanner problem={{ kind: 'failure', message: failure, fatal: true }} />}
      {empty ? (
        <EmptyState message={result?.problems.find((p) => p.kind === 'empty')?.message} />
      ) : (
        <>
          {problems.map((problem) => (
            <ProblemBanner key={problem.kind} problem={problem} />
          ))}
          {result && !fatal && <FindingsList result={result} />}
        </>
      )}
    </>
  );
}

export function ResultsPane() {
  const checking = useAppStore((s) => s.checking);
  const tab = useAppStore((s) => s.resultsTab);
  const setTab = useAppStore((s) => s.setResultsTab);
  // Primitive selectors: zustand re-renders when a selector returns a new value, and an object is always new.
  const findingsCount = useAppStore((s) =>
    !s.result || isBlank(s.text) || s.result.problems.some((p) => p.fatal) ? null : s.result.findings.length,
  );
  const redactionCount = useAppStore((s) =>
    !s.result || isBlank(s.text) ? null : new Set(s.result.redactions.map((r) => r.placeholder)).size,
  );

  // The ARIA tabs pattern: arrow keys move between tabs, Tab moves into the panel.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + 1) % TABS.length];
    if (!next) return;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <section className="pane pane--results" aria-label="Results" aria-busy={checking}>
      <div className="pane__head">
        <div className="tabs" role="tablist" aria-label="Results">
          {TABS.map(({ id, label }) => {
            const count = id === 'findings' ? findingsCount : id === 'redaction' ? redactionCount : null;
            return (
              <button
                key={id}
                id={`tab-${id}`}
                type="button"
                role="tab"
                className="tab"
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
                onKeyDown={onKeyDown}
              >
                {label}
                {count !== null && <span className="tab__count">{count}</span>}
              </button>
            );
          })}
        </div>
        <span className="status" role="status">
          {checking ? 'Checking…' : ''}
        </span>
      </div>
      <div
        id="panel-findings"
        role="tabpanel"
        className="tab-panel"
        aria-labelledby="tab-findings"
        hidden={tab !== 'findings'}
      >
        <Findings />
      </div>
      <div
        id="panel-redaction"
        role="tabpanel"
        className="tab-panel"
        aria-labelledby="tab-redaction"
        hidden={tab !== 'redaction'}
      >
        <RedactionPanel />
      </div>
      <div
        id="panel-explain"
        role="tabpanel"
        className="tab-panel"
        aria-labelledby="tab-explain"
        hidden={tab !== 'explain'}
      >
        {tab === 'explain' && (
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <ExplainPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
