import { useId } from 'react';
import type { AnalysisView } from '../analysis/protocol';
import { useAppStore } from '../store';
import { RuleDocs } from './RuleDocs';

export type ErrorDiagnosis = AnalysisView['errors'][number];

const STACKS: Record<string, string> = {
  python: 'Python',
  javascript: 'JavaScript / TypeScript',
  go: 'Go',
  ruby: 'Ruby',
  jvm: 'JVM (Java, Kotlin)',
  pgbouncer: 'PgBouncer',
};

export function stackLabel(stack: string): string {
  return STACKS[stack] ?? stack;
}

/** The input area's text field: Monaco's, or the plain textarea shown while Monaco loads. */
function focusEditor() {
  document.querySelector<HTMLElement>('.editor-area .native-edit-context, .editor-area textarea')?.focus();
}

/**
 * What a pasted error or stack trace says: the stack and library that failed, the kind of failure,
 * what it means, the rules that address it and which config to paste next. The engine finds these
 * (engine/triage); this shows the best match in full and the others in brief.
 */
export function TriagePanel({ errors }: { errors: readonly ErrorDiagnosis[] }) {
  const loadText = useAppStore((s) => s.loadText);
  const titleId = useId();
  const [primary, ...others] = errors;
  if (!primary) return null;

  return (
    <section
      className="triage"
      aria-labelledby={titleId}
      data-problem="unknown-format"
      data-triage={primary.id}
    >
      <p className="triage__eyebrow">Error triage: this is an error message, not a config</p>
      <h3 id={titleId} className="triage__title">
        {primary.library} error ({stackLabel(primary.stack)})
      </h3>
      <dl className="triage__facts">
        <dt>Stack</dt>
        <dd data-field="stack">{stackLabel(primary.stack)}</dd>
        <dt>Library</dt>
        <dd data-field="library">{primary.library}</dd>
        <dt>Failure</dt>
        <dd data-field="failure">{capitalise(primary.failure)}.</dd>
        <dt>What it means</dt>
        <dd data-field="meaning">{primary.meaning}</dd>
        <dt>Where</dt>
        <dd data-field="line">
          Line {primary.line}: <code className="triage__excerpt">{primary.excerpt}</code>
        </dd>
      </dl>

      <h4 className="triage__heading">Paste this next</h4>
      <p data-field="next">{primary.next}</p>
      <div className="triage__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            loadText('', null);
            focusEditor();
          }}
        >
          Clear the editor to paste it
        </button>
        <button
          type="button"
          className="button"
          onClick={() => document.getElementById('format-picker')?.focus()}
        >
          It is a config: choose its format
        </button>
      </div>

      {primary.rules.length > 0 && (
        <>
          <h4 className="triage__heading">Rules that address it</h4>
          <p className="triage__hint">
            Once you paste that config, these rules check it. Open a rule’s docs for what it looks for and how
            it fixes it.
          </p>
          <ul className="triage__rules">
            {primary.rules.map((rule) => (
              <li key={rule} data-rule={rule}>
                <code>{rule}</code>
                <RuleDocs ruleId={rule} />
              </li>
            ))}
          </ul>
        </>
      )}

      {others.length > 0 && (
        <details className="triage__others">
          <summary>Also recognised in this text ({others.length})</summary>
          <ul>
            {others.map((other) => (
              <li key={`${other.id}@${other.line}`} data-triage={other.id}>
                Line {other.line}, {other.library} ({stackLabel(other.stack)}): {other.failure}.{' '}
                {other.meaning}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
