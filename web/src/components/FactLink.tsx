import type { ProjectFact } from '../../../engine/index';
import { useAppStore } from '../store';

/** A stable key for a fact in a list. */
export function factKey(fact: ProjectFact): string {
  return `${fact.fileId}:${fact.line}:${fact.kind}`;
}

/** "show": opens the tab a fact comes from, with the cursor on the line that states it. */
export function FactLink({ fact }: { fact: ProjectFact }) {
  const revealInTab = useAppStore((s) => s.revealInTab);
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => revealInTab(fact.fileId, fact.line)}
      aria-label={`Show ${fact.label} line ${fact.line}`}
    >
      show
    </button>
  );
}
