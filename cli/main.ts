import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  EnvironmentError,
  type EnvironmentProfile,
  LIBRARY_NAMES,
  parseEnvironmentAssignments,
} from '../core/environment';
import { checkInput } from '../core/input';
import { PRESET_IDS } from '../core/presets';
import {
  type AnalysisResult,
  createEngine,
  createParserHost,
  crossFileFindingIds,
  detectFormat,
  type Engine,
  environmentForFile,
  isFormatId,
  type ProjectFact,
  readProjectFacts,
  redact,
} from '../engine/index';
import packageJson from '../package.json' with { type: 'json' };
import { FORMAT_IDS, type FormatId } from '../wasm-parsers/formats';
import { nodeGrammarSource } from './node-grammars';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

const HELP = `staleproof ${packageJson.version} — finds and fixes PostgreSQL pool configs that break after a failover or idle timeout

Usage:
  staleproof check  [--format text|json] [options] FILE...   report findings
  staleproof fix    [--unsafe] [--stdout] [options] FILE...  write the patched files
  staleproof redact [--format text|json] [options] FILE...   print the text with secrets replaced

FILE may be - for standard input. Files named together are read together: a pgbouncer.ini or
postgresql.conf among them tells how the applications' configs are reached (PgBouncer in front, its
client_idle_timeout, the server's idle_session_timeout and version).

Options:
  --format text|json   output format of check and redact (default: text)
  --filename NAME      name standard input, for format detection and messages
  --as FORMAT          skip detection: ${FORMAT_IDS.join(', ')}
  --env NAME=VALUE     describe the environment (repeatable): preset (${PRESET_IDS.join(', ')}:
                       fills in the documented values of that middlebox or service; explicit --env
                       values win), middleboxIdleSeconds, dnsTtlSeconds (the TTL of the
                       database endpoint's DNS record, e.g. 5), failoverProne, behindPgbouncer,
                       platform, os, pgMajor, pgbouncerVersion, haNodes (HA nodes without a VIP:
                       pg1:5432,pg2:5432), or a library version NAME=VERSION, NAME one of
                       ${LIBRARY_NAMES.join(', ')}
  --opt-in             also run the opt-in advisories (hints that are not defects of every file)
  --unsafe             fix: also apply fixes labelled review (they may change behaviour)
  --stdout             fix: print the patched text instead of writing the file (one FILE only)
  -h, --help           show this help
  -v, --version        print the version

Exit status: check exits 1 when there are findings and 0 when there are none; every verb exits 2 on
a usage error or unusable input (binary, too large, unknown format, unreadable file).
JSON (check): [{ file, format, findings: [{ ruleId, severity, line, column, endLine, endColumn,
message, fix: { safety, description } | null }] }]
JSON (redact): { text, redactions: [{ kind, line, column, length }] } for one file; an array of such
objects, each with its file, for several.
`;

class UsageError extends Error {}

interface Input {
  file: string;
  /** Name used for detection and messages. */
  name: string;
  text: string;
}

async function readInput(path: string, stdinName: string | undefined, io: CliIo): Promise<Input> {
  const bytes = path === '-' ? await io.readStdin() : await readFile(path);
  const name = path === '-' ? (stdinName ?? '<stdin>') : path;
  if (bytes.includes(0)) {
    throw new InputError(`${name}: looks like binary data (it contains NUL bytes), not a text config`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: is not UTF-8 text; save it as UTF-8 and try again`);
  }
  // TextDecoder drops a byte-order mark; keep it so a fixed file is written back byte for byte.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = `\uFEFF${text}`;
  return { file: path, name, text };
}

class InputError extends Error {}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fatalProblem(result: AnalysisResult) {
  return result.problems.find((p) => p.fatal);
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        filename: { type: 'string' },
        as: { type: 'string' },
        env: { type: 'string', multiple: true },
        unsafe: { type: 'boolean' },
        'opt-in': { type: 'boolean' },
        stdout: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    io.stderr(`staleproof: ${oneLine((error as Error).message)} (see staleproof --help)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  try {
    const [verb, ...files] = positionals;
    if (!verb) throw new UsageError('missing command: check, fix or redact');
    if (!['check', 'fix', 'redact'].includes(verb)) throw new UsageError(`unknown command "${verb}"`);
    if (files.length === 0) throw new UsageError(`${verb}: no FILE given (use - for standard input)`);
    const outputFormat = values.format ?? 'text';
    if (outputFormat !== 'text' && outputFormat !== 'json') {
      throw new UsageError(`--format must be text or json, not "${outputFormat}"`);
    }
    if (verb === 'fix' && values.format) throw new UsageError('fix has no --format; use check for reports');
    if (verb !== 'fix' && (values.unsafe || values.stdout)) {
      throw new UsageError('--unsafe and --stdout belong to fix');
    }
    if (values.stdout && files.length > 1) throw new UsageError('--stdout takes one FILE');
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input can be read once');
    let format: FormatId | undefined;
    if (values.as !== undefined) {
      if (!isFormatId(values.as)) {
        throw new UsageError(`--as must be one of ${FORMAT_IDS.join(', ')}, not "${values.as}"`);
      }
      format = values.as;
    }
    const environment = parseEnvironmentAssignments(values.env ?? []);
    const engine = createEngine({ host: createParserHost(nodeGrammarSource) });
    const context: Context = {
      io,
      engine,
      environment,
      format,
      stdinName: values.filename,
      optIn: Boolean(values['opt-in']),
    };
    if (verb === 'check') return await check(files, outputFormat, context);
    if (verb === 'fix') return await fix(files, Boolean(values.unsafe), Boolean(values.stdout), context);
    return await redactFiles(files, outputFormat, context);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvironmentError) {
      io.stderr(`staleproof: ${oneLine(error.message)} (see staleproof --help)\n`);
      return 2;
    }
    throw error;
  }
}

interface Context {
  io: CliIo;
  engine: Engine;
  environment: EnvironmentProfile;
  format: FormatId | undefined;
  stdinName: string | undefined;
  optIn: boolean;
}

/** Reads every file; unreadable ones are reported on stderr and counted as input errors. */
async function readAll(files: string[], context: Context): Promise<{ inputs: Input[]; failed: boolean }> {
  const inputs: Input[] = [];
  let failed = false;
  for (const file of files) {
    try {
      inputs.push(await readInput(file, context.stdinName, context.io));
    } catch (error) {
      failed = true;
      const message =
        error instanceof InputError
          ? error.message
          : `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      context.io.stderr(`staleproof: ${oneLine(message)}\n`);
    }
  }
  return { inputs, failed };
}

/**
 * Files named together are read together, as the page reads its tabs: what a pgbouncer.ini or a
 * postgresql.conf among them states (PgBouncer in front, its client_idle_timeout, the server's
 * idle_session_timeout and major version) is applied to the others (engine/project.ts).
 */
function projectOf(
  inputs: readonly Input[],
  context: Context,
): (input: Input) => {
  environment: EnvironmentProfile;
  applied: ProjectFact[];
} {
  const files = inputs.map((input, i) => ({
    id: String(i),
    text: input.text,
    label: input.name,
    format: detectFormat(input.text, { filename: filenameOf(input), format: context.format }).format,
  }));
  const facts = inputs.length > 1 ? readProjectFacts(files) : [];
  return (input) => {
    const i = inputs.indexOf(input);
    return environmentForFile(context.environment, files[i] as (typeof files)[number], facts);
  };
}

function filenameOf(input: Input): string | undefined {
  return input.name === '<stdin>' ? undefined : input.name;
}

async function analyse(input: Input, context: Context, environment: EnvironmentProfile, unsafe = false) {
  return context.engine.analyse(input.text, {
    filename: filenameOf(input),
    format: context.format,
    environment,
    optIn: context.optIn,
    unsafe,
  });
}

function reportProblems(input: Input, result: AnalysisResult, io: CliIo): boolean {
  let fatal = false;
  for (const problem of result.problems) {
    io.stderr(`staleproof: ${input.name}: ${oneLine(problem.message)}\n`);
    if (problem.fatal) fatal = true;
  }
  return fatal;
}

async function check(files: string[], outputFormat: string, context: Context): Promise<number> {
  const { inputs, failed } = await readAll(files, context);
  let inputError = failed;
  let total = 0;
  let fixable = 0;
  let analysed = 0;
  const documents = [];
  const together = projectOf(inputs, context);
  for (const input of inputs) {
    const { environment, applied } = together(input);
    const result = await analyse(input, context, environment);
    const cross = new Set(
      applied.length > 0
        ? crossFileFindingIds((await analyse(input, context, context.environment)).findings, result.findings)
        : [],
    );
    if (reportProblems(input, result, context.io)) inputError = true;
    if (!fatalProblem(result)) analysed++;
    total += result.findings.length;
    fixable += result.findings.filter((f) => f.fix).length;
    documents.push({
      file: input.name,
      format: result.format.format,
      /** What the other files named with this one state that changed how it was read. */
      readWith: applied.map((fact) => ({ file: fact.label, line: fact.line, fact: fact.summary })),
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        message: f.message,
        fix: f.fix ? { safety: f.fix.safety, description: f.fix.description } : null,
        crossFile: cross.has(f.id),
      })),
    });
    if (outputFormat === 'text') {
      for (const fact of applied) context.io.stdout(`${input.name}: read with ${fact.summary}\n`);
      for (const f of result.findings) {
        const fixNote = f.fix ? ` [fix: ${f.fix.safety}]` : '';
        const crossNote = cross.has(f.id) ? ' [from the other files]' : '';
        context.io.stdout(
          `${input.name}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}: ${f.message}${fixNote}${crossNote}\n`,
        );
      }
    }
  }
  if (outputFormat === 'json') {
    context.io.stdout(`${JSON.stringify(documents, null, 2)}\n`);
  } else if (analysed > 0) {
    const summary =
      total === 0
        ? 'no findings'
        : `${total} finding${total === 1 ? '' : 's'}${fixable ? `, ${fixable} with a fix (staleproof fix)` : ''}`;
    context.io.stdout(`${summary}\n`);
  }
  if (inputError) return 2;
  return total > 0 ? 1 : 0;
}

async function fix(files: string[], unsafe: boolean, toStdout: boolean, context: Context): Promise<number> {
  const { inputs, failed } = await readAll(files, context);
  let inputError = failed;
  const together = projectOf(inputs, context);
  for (const input of inputs) {
    const result = await analyse(input, context, together(input).environment, unsafe);
    if (reportProblems(input, result, context.io)) {
      inputError = true;
      if (fatalProblem(result)) continue;
    }
    if (toStdout || input.file === '-') {
      context.io.stdout(result.patched);
      continue;
    }
    const count = result.applied.length;
    if (result.patched !== input.text) {
      await writeFile(input.file, result.patched, 'utf8');
      context.io.stderr(`staleproof: ${input.name}: applied ${count} fix${count === 1 ? '' : 'es'}\n`);
    } else {
      const pending = result.findings.filter((f) => f.fix?.safety === 'review').length;
      const hint =
        !unsafe && pending ? ` (${pending} review fix${pending === 1 ? '' : 'es'}: use --unsafe)` : '';
      context.io.stderr(`staleproof: ${input.name}: nothing to fix${hint}\n`);
    }
  }
  return inputError ? 2 : 0;
}

async function redactFiles(files: string[], outputFormat: string, context: Context): Promise<number> {
  const { inputs, failed } = await readAll(files, context);
  let inputError = failed;
  const documents = [];
  for (const input of inputs) {
    const problem = checkInput(input.text);
    if (problem?.fatal) {
      context.io.stderr(`staleproof: ${input.name}: ${oneLine(problem.message)}\n`);
      inputError = true;
      continue;
    }
    const result = redact(input.text);
    if (outputFormat === 'text') {
      context.io.stdout(result.text);
    } else {
      documents.push({
        file: input.name,
        text: result.text as string,
        redactions: result.redactions.map((r) => ({
          kind: r.kind,
          line: r.line,
          column: r.column,
          length: r.length,
        })),
      });
    }
  }
  if (outputFormat === 'json') {
    const single = files.length === 1 && documents.length === 1;
    const body = single ? { text: documents[0]?.text, redactions: documents[0]?.redactions } : documents;
    context.io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  return inputError ? 2 : 0;
}
