import { RULES } from '../../../rules/index';
import { InlineCode } from './InlineCode';

/** A rule's docs; loaded with the rule catalog when a finding's Docs are first opened. */
export default function RuleDocsBody({ ruleId }: { ruleId: string }) {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) return <p className="docs__body">No docs for this rule.</p>;
  const { docs } = rule;

  return (
    <div className="docs__body">
      <p className="docs__title">{rule.title}</p>
      <h4>What it checks</h4>
      <p>
        <InlineCode text={docs.what} />
      </p>
      <h4>Why it matters</h4>
      <p>
        <InlineCode text={docs.why} />
      </p>
      <h4>Example</h4>
      <div className="docs__example">
        <div>
          <span className="docs__example-label">Before</span>
          <pre>{docs.example.before}</pre>
        </div>
        <div>
          <span className="docs__example-label">After</span>
          <pre>{docs.example.after}</pre>
        </div>
      </div>
      <h4>Fix safety</h4>
      <p>
        <InlineCode text={docs.fixSafety} />
      </p>
      <h4>Sources</h4>
      <ul className="docs__sources">
        {docs.sources.map((source) => (
          <li key={source}>
            <a href={source} target="_blank" rel="noopener noreferrer">
              {source}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
