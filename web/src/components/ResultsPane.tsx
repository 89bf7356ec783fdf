import { isBlank } from '../lib/text';
import { useAppStore } from '../store';
import { EmptyState } from './EmptyState';
import { FindingsList } from './FindingsList';
import { ProblemBanner } from './ProblemBanner';

export function ResultsPane() {
  const empty = useAppStore((s) => isBlank(s.text));
  const result = useAppStore((s) => s.result);
  const checking = useAppStore((s) => s.checking);
  const failure = useAppStore((s) => s.failure);
  const problems = (result?.problems ?? []).filter((p) => p.kind !== 'empty');
  const fatal = problems.some((p) => p.fatal);

  return (
    <section className="pane pane--results" aria-labelledby="findings-heading" aria-busy={checking}>
      <div className="pane__head">
        <h2 id="findings-heading" className="pane__title">
          Findings
        </h2>
        <span className="status" role="status">
          {checking ? 'Checking…' : ''}
        </span>
      </div>
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
    </section>
  );
}
