import type { InputProblem } from '../../../engine/index';
import { useAppStore } from '../store';
import { TriagePanel } from './TriagePanel';

type Problem = Omit<InputProblem, 'kind'> & { kind: InputProblem['kind'] | 'failure' };

const TITLES: Record<Problem['kind'], string> = {
  empty: 'Nothing to check',
  'too-large': 'Too large to check',
  binary: 'Not a text file',
  'unknown-format': 'Unknown format',
  'syntax-errors': 'Syntax errors',
  'rule-failed': 'A rule failed',
  failure: 'Not checked',
};

export function ProblemBanner({ problem }: { problem: Problem }) {
  const errors = useAppStore((s) => s.result?.errors);
  const chooseFormat = problem.kind === 'unknown-format';
  // Unknown because it is a pasted error: explain the error instead of asking for a format.
  if (chooseFormat && errors && errors.length > 0) return <TriagePanel errors={errors} />;
  return (
    <div
      className={`banner ${problem.fatal ? 'banner--fatal' : 'banner--warning'}`}
      role={problem.fatal ? 'alert' : 'status'}
      data-problem={problem.kind}
    >
      <p className="banner__title">{TITLES[problem.kind]}</p>
      <p className="banner__message">{problem.message}</p>
      {chooseFormat && (
        <button
          type="button"
          className="button"
          onClick={() => document.getElementById('format-picker')?.focus()}
        >
          Choose the format
        </button>
      )}
    </div>
  );
}
