import type { EnvironmentProfile } from '../../core/environment';
import type { RedactedText } from '../../core/redacted';
import type { ExplainFile, ExplainInput, ExplainTemplate, PromptFinding } from '../types';

/**
 * Version 3: environment, chosen fixes and review notes in the input; the other files of the same
 * deployment (an app config with its pgbouncer.ini and postgresql.conf); follow-up questions.
 */
export const EXPLAIN_V3_VERSION = 3;

const SYSTEM = [
  'You explain PostgreSQL connection and pool configuration problems to the engineer who owns the service.',
  'A deterministic checker (staleproof) has already found the problems and proposed fixes. Explain them; do not invent new settings, and say so when you are unsure.',
  'Cover, in this order:',
  '1. What happened or will happen, in incident terms: which event (failover, idle timeout on a NAT or load balancer, server restart, network partition) leaves which connections stale or hanging, and what the application sees (errors, hangs, how long).',
  '2. For each finding, why its fix works: what the setting changes on the wire or in the pool.',
  '3. For each fix marked review: what it may break or change in behaviour, and how to roll it out safely.',
  '4. What to check in production after deploying: metrics, logs, a failover drill, with concrete commands or queries where they help.',
  'When several files of the same deployment are given (an application config, the pgbouncer.ini in front of the database, the postgresql.conf), explain how their settings interact along the path.',
  'Values written as REDACTED_<KIND>_<n> (REDACTED_PASSWORD_1, REDACTED_HOST_2…) were removed on purpose before this message was sent. Never ask for them, never guess them, and keep the placeholders exactly as they are in any snippet you write.',
  'Answer in Markdown. Do not include images or HTML.',
].join('\n');

const ENVIRONMENT_LABELS: Record<string, string> = {
  preset: 'network path or service',
  middleboxIdleSeconds: 'smallest idle timeout of a NAT, load balancer or firewall on the path (s)',
  dnsTtlSeconds: "TTL of the database endpoint's DNS record (s)",
  failoverProne: 'failover-prone (managed or HA database)',
  behindPgbouncer: 'applications connect through PgBouncer',
  platform: 'platform',
  os: 'client operating system',
  pgMajor: 'PostgreSQL major version',
  pgbouncerVersion: 'PgBouncer version',
  haNodes: 'HA nodes reached by their own addresses',
};

function environmentLines(environment: EnvironmentProfile): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined) continue;
    if (name === 'versions') {
      for (const [library, version] of Object.entries(value as Record<string, string>)) {
        lines.push(`- ${library} version: ${version}`);
      }
    } else {
      const shown = Array.isArray(value) ? value.join(', ') : String(value);
      lines.push(`- ${ENVIRONMENT_LABELS[name] ?? name}: ${shown}`);
    }
  }
  return lines;
}

function findingLine(f: PromptFinding): string {
  const fix = f.fix
    ? `\n  Fix (${f.fix.safety}${f.chosen ? ', applied in the patched file' : ', not applied'}): ${f.fix.description}`
    : '\n  No automatic fix.';
  return `- [${f.severity}] ${f.ruleId} at line ${f.line}: ${f.message}${fix}`;
}

function otherFile(file: ExplainFile): string {
  return [
    `Other file of the same deployment: ${file.name} (format ${file.format})`,
    `Its findings:\n${file.findings.map(findingLine).join('\n') || '- none'}`,
    `${file.name} (secrets redacted):\n\`\`\`\n${file.config}\n\`\`\``,
  ].join('\n\n');
}

function firstUser(input: ExplainInput): string {
  const environment = environmentLines(input.environment);
  const notes = Object.entries(input.reviewNotes).map(([ruleId, note]) => `- ${ruleId}: ${note}`);
  const readWith = input.readWith ?? [];
  return [
    ...(input.name ? [`File: ${input.name}`] : []),
    `Format: ${input.format}`,
    `Environment (as the engineer described it):\n${environment.length > 0 ? environment.join('\n') : '- nothing given: the checker assumed a 240 s middlebox idle timeout'}`,
    ...(readWith.length > 0
      ? [
          `Read together with the other files, which state:\n${readWith.map((fact) => `- ${fact}`).join('\n')}`,
        ]
      : []),
    `Findings:\n${input.findings.map(findingLine).join('\n') || '- none'}`,
    ...(notes.length > 0 ? [`What the review fixes may change (checker's notes):\n${notes.join('\n')}`] : []),
    `Configuration (secrets redacted):\n\`\`\`\n${input.config}\n\`\`\``,
    ...(input.otherFiles ?? []).map(otherFile),
    (input.otherFiles?.length ?? 0) > 0
      ? 'Explain these findings as described in your instructions, starting with the first file, and how the files interact.'
      : 'Explain this configuration’s findings as described in your instructions.',
  ].join('\n\n');
}

function followUp(question: RedactedText): string {
  return question;
}

export const EXPLAIN_V3: ExplainTemplate = {
  version: EXPLAIN_V3_VERSION,
  system: SYSTEM,
  firstUser,
  followUp,
};
