import { useMemo } from 'react';
import type { Severity } from '../../../engine/index';
import { type FixBase, resolveSelection } from '../analysis/fix-selection';
import type { AnalysisView } from '../analysis/protocol';
import { useAppStore } from '../store';
import { FactLink, factKey } from './FactLink';
import { FindingItem, type SkipReason } from './FindingItem';

const GROUPS: ReadonlyArray<{ severity: Severity; title: string }> = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

const SHORTCUTS: ReadonlyArray<{ base: FixBase; label: string; hint: string }> = [
  { base: 'safe', label: 'Apply all safe', hint: 'The default: every safe fix, no fix to review.' },
  { base: 'all', label: 'Apply all', hint: 'Every fix, including those to review.' },
  { base: 'none', label: 'None', hint: 'No fix: the patched file is the original.' },
];

function summary(result: AnalysisView, chosen: ReadonlySet<string>): string {
  const count = result.findings.length;
  const fixable = result.findings.filter((f) => f.fix);
  const review = fixable.filter((f) => f.fix?.safety === 'review');
  const parts = [`${count} finding${count === 1 ? '' : 's'}`];
  if (fixable.length > 0) parts.push(`${chosen.size} of ${fixable.length} fixes chosen`);
  const reviewChosen = review.filter((f) => chosen.has(f.id)).length;
  if (review.length > 0) parts.push(`${reviewChosen} of ${review.length} to review`);
  return `${parts.join(' · ')}.`;
}

/** What the other open files state that changed how this one was read, each with a way to see it. */
function ProjectFacts({ result }: { result: AnalysisView }) {
  if (result.facts.length === 0) return null;
  return (
    <section className="project-facts" aria-label="Read together with your other files">
      <h3 className="project-facts__title">Read together with your other files</h3>
      <ul>
        {result.facts.map((fact) => (
          <li key={factKey(fact)}>
            {fact.summary[0]?.toUpperCase()}
            {fact.summary.slice(1)}. <FactLink fact={fact} />
          </li>
        ))}
      </ul>
      <p className="project-facts__hint">
        What you state under Environment wins over these. A finding marked “other files” exists only because
        of them.
      </p>
    </section>
  );
}

export function FindingsList({ result }: { result: AnalysisView }) {
  const analysedText = useAppStore((s) => s.analysedText);
  const fixSelection = useAppStore((s) => s.fixSelection);
  const setFixBase = useAppStore((s) => s.setFixBase);
  // The toggles follow the selection at once; the patched file follows when the worker answers.
  const chosen = useMemo(
    () => new Set(resolveSelection(result.findings, analysedText, fixSelection).selected),
    [result, analysedText, fixSelection],
  );
  const skipped = useMemo(
    () => new Map<string, SkipReason>(result.skipped.map((s) => [s.findingId, s.reason])),
    [result],
  );

  if (result.findings.length === 0) {
    return (
      <>
        <ProjectFacts result={result} />
        <p className="no-findings">
          No findings: none of staleproof’s rules for this format matched. That covers only what they check,
          not every setting a failover touches.
        </p>
      </>
    );
  }
  const hasFixes = result.findings.some((f) => f.fix);
  const base = fixSelection.base !== 'listed' && fixSelection.choices.length === 0 ? fixSelection.base : null;

  return (
    <div className="findings">
      <ProjectFacts result={result} />
      <p className="findings__summary">{summary(result, chosen)}</p>
      {hasFixes && (
        <fieldset className="fix-shortcuts">
          <legend>Fixes in the patched file</legend>
          {SHORTCUTS.map((s) => (
            <button
              key={s.base}
              type="button"
              className="button button--small"
              aria-pressed={base === s.base}
              title={s.hint}
              onClick={() => setFixBase(s.base)}
            >
              {s.label}
            </button>
          ))}
        </fieldset>
      )}
      {GROUPS.map(({ severity, title }) => {
        const findings = result.findings.filter((f) => f.severity === severity);
        if (findings.length === 0) return null;
        return (
          <section key={severity} className="findings__group" aria-label={title}>
            <h3 className={`findings__group-title findings__group-title--${severity}`}>
              {title} <span className="count">{findings.length}</span>
            </h3>
            <ul className="findings__list">
              {findings.map((finding) => (
                <FindingItem
                  key={finding.id}
                  finding={finding}
                  chosen={chosen.has(finding.id)}
                  skipped={skipped.get(finding.id)}
                  reviewNote={result.reviewNotes[finding.ruleId]}
                  crossFacts={result.crossFile.includes(finding.id) ? result.facts : undefined}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
