import { useAppStore } from '../store';

const MARKS = { same: ' ', added: '+', removed: '-', gap: '' } as const;

/** The diff as plain lines, shown until Monaco's diff editor is ready. */
export function PlainDiff() {
  const diff = useAppStore((s) => s.result?.diff ?? []);
  return (
    <pre className="plain-diff">
      {diff.map((line) => (
        <span
          key={`${line.kind}:${line.before ?? ''}:${line.after ?? ''}`}
          className={`plain-diff__line plain-diff__line--${line.kind}`}
        >
          {line.kind === 'gap' ? '⋯' : `${MARKS[line.kind]} ${line.text}`}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
