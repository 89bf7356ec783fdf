import type { Severity } from '../../../engine/index';
import type { AnalysisView } from '../analysis/protocol';
import { FindingItem } from './FindingItem';

const GROUPS: ReadonlyArray<{ severity: Severity; title: string }> = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

function summary(result: AnalysisView): string {
  const count = result.findings.length;
  const fixed = result.applied.length;
  const review = result.findings.filter((f) => f.fix?.safety === 'review').length;
  const parts = [`${count} finding${count === 1 ? '' : 's'}`];
  if (fixed > 0) parts.push(`${fixed} fixed in the patched file`);
  if (review > 0) parts.push(`${review} fix${review === 1 ? '' : 'es'} to review by hand`);
  return `${parts.join(' · ')}.`;
}

export function FindingsList({ result }: { result: AnalysisView }) {
  if (result.findings.length === 0) {
    return (
      <p className="no-findings">
        No findings: none of staleproof’s rules for this format matched. That covers only what they check, not
        every setting a failover touches.
      </p>
    );
  }
  const applied = new Set(result.applied);

  return (
    <div className="findings">
      <p className="findings__summary">{summary(result)}</p>
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
                <FindingItem key={finding.id} finding={finding} applied={applied.has(finding.id)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
