import type { Finding } from '../../../engine/index';
import { useAppStore } from '../store';
import { RuleDocs } from './RuleDocs';

const SAFETY_HINT = {
  safe: 'Safe fix: only makes the pool more resilient, so the patched file includes it.',
  review: 'Fix to review: it can change behaviour, so the patched file leaves it out.',
};

export function FindingItem({ finding, applied }: { finding: Finding; applied: boolean }) {
  const revealPosition = useAppStore((s) => s.revealPosition);
  const safety = finding.fix?.safety;

  return (
    <li className={`finding finding--${finding.severity}`} data-rule={finding.ruleId}>
      <div className="finding__head">
        <button
          type="button"
          className="finding__location"
          title="Show this line in the editor"
          onClick={() => revealPosition(finding.line, finding.column)}
        >
          Line {finding.line}:{finding.column}
        </button>
        <code className="finding__rule">{finding.ruleId}</code>
        {safety ? (
          <span className={`badge badge--${safety}`} title={SAFETY_HINT[safety]}>
            {safety}
          </span>
        ) : (
          <span className="badge badge--none" title="staleproof offers no automatic edit for this one.">
            no fix
          </span>
        )}
      </div>
      <p className="finding__message">{finding.message}</p>
      {finding.fix && (
        <p className="finding__fix">
          {applied ? 'In the patched file: ' : 'Suggested: '}
          {finding.fix.description}
        </p>
      )}
      <RuleDocs ruleId={finding.ruleId} />
    </li>
  );
}
