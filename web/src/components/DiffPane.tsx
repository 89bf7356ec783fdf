import { lazy, Suspense } from 'react';
import type { AnalysisView } from '../analysis/protocol';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';
import { DownloadButton } from './DownloadButton';
import { PlainDiff } from './PlainDiff';

const MonacoDiff = lazy(() => import('./MonacoDiff'));

function noChangeText(result: AnalysisView | null, blank: boolean): string {
  if (blank || !result) return 'The original and the patched file appear here side by side.';
  if (result.problems.some((p) => p.fatal)) return 'Nothing to propose until the text can be checked.';
  if (result.findings.length === 0) return 'No changes: nothing to fix.';
  if (result.findings.some((f) => f.fix) && result.selected.length === 0)
    return 'No changes: no fix is chosen. Turn fixes on in the findings.';
  return 'No changes: no safe fix applies here. The findings say what to change by hand.';
}

export function DiffPane() {
  const result = useAppStore((s) => s.result);
  const blank = useAppStore((s) => isBlank(s.text));

  return (
    <section className="pane pane--diff" aria-labelledby="diff-heading">
      <div className="pane__head">
        <h2 id="diff-heading" className="pane__title">
          Proposed changes
        </h2>
        <DownloadButton />
      </div>
      {result?.changed ? (
        <div className="diff-area" data-testid="diff">
          <Suspense fallback={<PlainDiff />}>
            <MonacoDiff />
          </Suspense>
        </div>
      ) : (
        <p className="diff-empty">{noChangeText(result, blank)}</p>
      )}
    </section>
  );
}
