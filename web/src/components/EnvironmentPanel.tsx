import { LIBRARY_NAMES, OPERATING_SYSTEMS, PLATFORMS, PRESET_IDS, PRESETS } from '../lib/engine';
import { useAppStore } from '../store';

const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  rds: 'AWS RDS',
  aurora: 'AWS Aurora',
  cloudsql: 'Google Cloud SQL',
  azure: 'Azure Database for PostgreSQL',
  patroni: 'Self-hosted with Patroni',
  'self-hosted': 'Self-hosted',
};

function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  const error = useAppStore((s) => s.environmentErrors[name]);
  return (
    <div className="env-field">
      <label htmlFor={`env-${name}`}>{label}</label>
      {children}
      {error ? (
        <span className="env-field__error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="env-field__hint">{hint}</span>
      ) : null}
    </div>
  );
}

function useInput(name: string) {
  const value = useAppStore((s) => s.environmentInputs[name] ?? '');
  const set = useAppStore((s) => s.setEnvironmentInput);
  return {
    id: `env-${name}`,
    value,
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
  };
}

/** The same profile as the CLI's `--env NAME=VALUE`: what the rules may assume about where the database runs. */
export function EnvironmentPanel() {
  const preset = useInput('preset');
  const presetId = useAppStore((s) => s.environment.preset);
  const implied = presetId ? PRESETS[presetId].profile : {};
  const optIn = useAppStore((s) => s.optIn);
  const setOptIn = useAppStore((s) => s.setOptIn);
  const platform = useInput('platform');
  const failover = useInput('failoverProne');
  const behindPgbouncer = useInput('behindPgbouncer');
  const middlebox = useInput('middleboxIdleSeconds');
  const dnsTtl = useInput('dnsTtlSeconds');
  const pgMajor = useInput('pgMajor');
  const pgbouncer = useInput('pgbouncerVersion');
  const haNodes = useInput('haNodes');
  const os = useInput('os');
  const versions = useAppStore((s) => s.environmentInputs);
  const set = useAppStore((s) => s.setEnvironmentInput);
  const count = Object.values(versions).filter((v) => v.trim() !== '').length;

  return (
    <details className="env-panel">
      <summary>
        Environment{' '}
        <span className="env-panel__count">
          {count ? `${count} set` : 'optional: unknown means cautious'}
        </span>
      </summary>
      <div className="env-panel__grid">
        <Field
          name="preset"
          label="Network path or service"
          hint="Fills in the documented timeouts and failover behaviour; fields you set win"
        >
          <select className="select" {...preset}>
            <option value="">Not chosen</option>
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {PRESETS[id].label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="platform" label="Where the database runs">
          <select className="select" {...platform}>
            <option value="">
              {implied.platform ? `${PLATFORM_LABELS[implied.platform]} (from the preset)` : 'Unknown'}
            </option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="failoverProne" label="Fails over (DNS or VIP moves)">
          <select className="select" {...failover}>
            <option value="">
              {implied.failoverProne === undefined
                ? 'Unknown'
                : `${implied.failoverProne ? 'Yes' : 'No'} (from the preset)`}
            </option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        </Field>
        <Field name="behindPgbouncer" label="Behind PgBouncer" hint="Whatever host and port the config names">
          <select className="select" {...behindPgbouncer}>
            <option value="">Unknown: judged from the port and host name</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        </Field>
        <Field
          name="middleboxIdleSeconds"
          label="Smallest NAT / load-balancer idle timeout (s)"
          hint={
            implied.middleboxIdleSeconds
              ? `From the preset: ${implied.middleboxIdleSeconds} s`
              : 'Unknown: 240 s is assumed'
          }
        >
          <input
            className="input"
            inputMode="numeric"
            placeholder={String(implied.middleboxIdleSeconds ?? 240)}
            {...middlebox}
          />
        </Field>
        <Field
          name="dnsTtlSeconds"
          label="DNS TTL of the database endpoint (s)"
          hint={
            implied.dnsTtlSeconds !== undefined
              ? `From the preset: ${implied.dnsTtlSeconds} s. Client DNS caches longer than this delay a failover`
              : 'Unknown: DNS cache rules keep their usual limits. Client caches longer than this delay a failover'
          }
        >
          <input
            className="input"
            inputMode="numeric"
            placeholder={implied.dnsTtlSeconds !== undefined ? String(implied.dnsTtlSeconds) : 'e.g. 5'}
            {...dnsTtl}
          />
        </Field>
        <Field name="pgMajor" label="PostgreSQL major version">
          <input className="input" inputMode="numeric" placeholder="e.g. 15" {...pgMajor} />
        </Field>
        <Field name="pgbouncerVersion" label="PgBouncer version">
          <input className="input" placeholder="e.g. 1.18.0" {...pgbouncer} />
        </Field>
        <Field
          name="haNodes"
          label="HA nodes without a VIP"
          hint="Only if clients must name the nodes themselves: host:port, comma-separated"
        >
          <input className="input" placeholder="e.g. pg1:5432,pg2:5432" {...haNodes} />
        </Field>
        <Field name="os" label="Client operating system">
          <select className="select" {...os}>
            <option value="">Unknown</option>
            {OPERATING_SYSTEMS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {presetId ? (
        <ul className="env-panel__facts" aria-label={`What the ${PRESETS[presetId].label} preset rests on`}>
          {PRESETS[presetId].facts.map((fact) => (
            <li key={fact.text}>
              {fact.text}{' '}
              <a href={fact.source} target="_blank" rel="noopener noreferrer">
                source
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="env-panel__opt-in">
        <input type="checkbox" checked={optIn} onChange={(event) => setOptIn(event.target.checked)} /> Also
        run the opt-in advisories (hints that are not defects of every file, such as PgBouncer's prepared
        statements in transaction mode)
      </label>
      <details className="env-panel__libraries">
        <summary className="env-panel__libraries-title">Library versions</summary>
        <div className="env-panel__grid">
          {LIBRARY_NAMES.map((name) => (
            <Field key={name} name={name} label={name}>
              <input
                id={`env-${name}`}
                className="input input--small"
                placeholder="version"
                value={versions[name] ?? ''}
                onChange={(event) => set(name, event.target.value)}
              />
            </Field>
          ))}
        </div>
      </details>
    </details>
  );
}
