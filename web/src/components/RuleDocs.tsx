import { lazy, Suspense, useState } from 'react';

// The rule catalog is the largest part of the engine the page could carry: it loads when Docs are opened.
const RuleDocsBody = lazy(() => import('./RuleDocsBody'));

export function RuleDocs({ ruleId }: { ruleId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="docs" onToggle={(event) => event.currentTarget.open && setOpen(true)}>
      <summary>Docs</summary>
      {open && (
        <Suspense fallback={<p className="docs__body docs__loading">Loading the docs…</p>}>
          <RuleDocsBody ruleId={ruleId} />
        </Suspense>
      )}
    </details>
  );
}
