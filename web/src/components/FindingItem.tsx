import { useEffect, useRef } from 'react';
import type { AnalysisResult, Finding, ProjectFact } from '../../../engine/index';
import { useAppStore } from '../store';
import { FactLink, factKey } from './FactLink';
import { InlineCode } from './InlineCode';
import { RuleDocs } from './RuleDocs';

const SAFETY_HINT = {
  safe: 'Safe fix: only makes the pool more resilient, so it is chosen by default.',
  review: 'Fix to review: it can change behaviour, so it is left out unless you choose it.',
};

export type SkipReason = AnalysisResult['skipped'][number]['reason'];

const SKIPPED_REASON: Record<SkipReason, string> = {
  conflict: 'it edits the same text as another chosen fix. Leave that one out to apply this one.',
  'breaks-syntax': 'with it the file would no longer parse, so it was left out.',
};

export interface FindingItemProps {
  finding: Finding;
  /** The fix is chosen for the patched file (its toggle is on). */
  chosen: boolean;
  /** Why a chosen fix is not in the patched file, if it is not. */
  skipped?: SkipReason;
  /** For a review fix: what it may change, from the rule's docs. */
  reviewNote?: string;
  /** For a finding that exists only because of other open files: what they state. */
  crossFacts?: readonly ProjectFact[];
}

export function FindingItem({ finding, chosen, skipped, reviewNote, crossFacts }: FindingItemProps) {
  const revealPosition = useAppStore((s) => s.revealPosition);
  const setFixChosen = useAppStore((s) => s.setFixChosen);
  const docsRequest = useAppStore((s) => (s.docsRequest?.findingId === finding.id ? s.docsRequest : null));
  const item = useRef<HTMLLIElement>(null);
  const fix = finding.fix;
  const safety = fix?.safety;
  const toggleId = `fix-${finding.id}`;

  // "Show rule docs" from the editor: open this finding's docs and bring them into view.
  useEffect(() => {
    const node = item.current;
    if (!docsRequest || !node) return;
    const details = node.querySelector('details');
    if (details) details.open = true;
    node.scrollIntoView({ block: 'nearest' });
    node.querySelector<HTMLElement>('summary')?.focus();
  }, [docsRequest]);

  const onToggle = (on: boolean) => {
    // The finding belongs to the text of the result it came with.
    setFixChosen(finding, useAppStore.getState().analysedText, on);
  };

  return (
    <li
      ref={item}
      className={`finding finding--${finding.severity}`}
      data-rule={finding.ruleId}
      data-finding={finding.id}
    >
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
      {crossFacts && crossFacts.length > 0 && (
        <div className="finding__cross" role="note">
          <span className="badge badge--cross">other files</span> Found because{' '}
          {crossFacts.map((fact, i) => (
            <span key={factKey(fact)}>
              {i > 0 && '; '}
              {fact.summary} <FactLink fact={fact} />
            </span>
          ))}
          .
        </div>
      )}
      {fix && (
        <div className={`finding__fix${chosen ? ' finding__fix--chosen' : ''}`}>
          <label className="finding__toggle" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={chosen}
              onChange={(event) => onToggle(event.target.checked)}
            />
            Apply this fix
          </label>
          <p className="finding__fix-text">
            {chosen && !skipped ? 'In the patched file: ' : 'Suggested: '}
            {fix.description}
          </p>
          {safety === 'review' && (
            <p className="finding__review">
              <strong>Review before applying:</strong>{' '}
              {reviewNote ? <InlineCode text={reviewNote} /> : SAFETY_HINT.review}
            </p>
          )}
          {chosen && skipped && (
            <p className="finding__skipped" role="note">
              Not in the patched file: {SKIPPED_REASON[skipped]}
            </p>
          )}
        </div>
      )}
      <RuleDocs ruleId={finding.ruleId} />
    </li>
  );
}
