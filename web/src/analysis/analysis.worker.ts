/// <reference lib="webworker" />
import { diffLines } from 'diff';
import {
  type AnalyseOptions,
  type AnalysisResult,
  createEngine,
  createParserHost,
  crossFileFindingIds,
  detectFormat,
  type EnvironmentProfile,
  environmentForFile,
  type ProjectFile,
  RULES,
  readProjectFacts,
} from '../../../engine/index';
import { browserGrammarSource } from './browser-grammars';
import { analyseChosen } from './chosen-fixes';
import { DEFAULT_SELECTION, resolveSelection, shortSafetyNote } from './fix-selection';
import type { AnalysisRequest, AnalysisResponse, AnalysisView, DiffLine, FileRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine({ host: createParserHost(browserGrammarSource) });

/** Lines of unchanged text kept around each change in the plain diff. */
const CONTEXT = 3;

function plainDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let a = 1;
  let b = 1;
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\r?\n$/, '').split(/\r?\n/)) {
      lines.push({
        kind,
        text,
        before: kind === 'added' ? undefined : a++,
        after: kind === 'removed' ? undefined : b++,
      });
    }
  }
  // Unchanged runs far from any change collapse into one gap, so a big file stays a short list.
  const near = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++) near[j] = true;
  });
  const out: DiffLine[] = [];
  lines.forEach((line, i) => {
    if (near[i]) out.push(line);
    else if (out.at(-1)?.kind !== 'gap') out.push({ kind: 'gap', text: '', before: line.before });
  });
  return out;
}

const SAFETY_NOTES = new Map(RULES.map((rule) => [rule.id, shortSafetyNote(rule.docs.fixSafety)]));

/**
 * Recent analyses with the default fixes, by their input: toggling a fix changes only the selection,
 * so the findings (which do not depend on it) are taken from here instead of being computed again;
 * the tabs that were not edited are not analysed again either.
 */
const CACHE_SIZE = 24;
const cache = new Map<string, AnalysisResult>();

async function analyseDefault(text: string, options: AnalyseOptions): Promise<AnalysisResult> {
  const key = `${JSON.stringify(options)}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = await engine.analyse(text, options);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

async function analyseFile(
  file: FileRequest,
  request: AnalysisRequest,
  project: ProjectFile[],
  facts: ReturnType<typeof readProjectFacts>,
): Promise<AnalysisView> {
  const base: EnvironmentProfile = request.environment ?? {};
  const own = project.find((p) => p.id === file.tabId) as ProjectFile;
  const { environment, applied } = environmentForFile(base, own, facts);
  const options: AnalyseOptions = {
    filename: file.filename,
    format: file.format,
    environment,
    optIn: request.optIn,
    redaction: file.redaction,
  };
  const byDefault = await analyseDefault(file.text, options);
  // What the other files changed: the findings this file has only when read together with them.
  const crossFile =
    applied.length > 0
      ? crossFileFindingIds(
          (await analyseDefault(file.text, { ...options, environment: base })).findings,
          byDefault.findings,
        )
      : [];
  const resolved = resolveSelection(byDefault.findings, file.text, file.selection ?? DEFAULT_SELECTION);
  const result = await analyseChosen(engine, file.text, options, byDefault, resolved);
  const changed = result.patched !== file.text;
  const reviewNotes: Record<string, string> = {};
  for (const finding of result.findings) {
    const note = SAFETY_NOTES.get(finding.ruleId);
    if (finding.fix?.safety === 'review' && note) reviewNotes[finding.ruleId] = note;
  }
  return {
    ...result,
    changed,
    diff: changed ? plainDiff(file.text, result.patched) : [],
    selected: resolved.selected,
    selection: resolved.state,
    reviewNotes,
    facts: applied,
    crossFile,
  };
}

async function analyse(request: AnalysisRequest): Promise<AnalysisResponse> {
  try {
    const files: FileRequest[] = [request, ...(request.others ?? [])];
    // Each file's format decides what it states about the others (a pgbouncer.ini, a postgresql.conf).
    const project: ProjectFile[] = files.map((file) => ({
      id: file.tabId,
      text: file.text,
      label: file.label,
      format: detectFormat(file.text, { filename: file.filename, format: file.format }).format,
    }));
    const facts = files.length > 1 ? readProjectFacts(project) : [];
    const result = await analyseFile(request, request, project, facts);
    const others: Array<{ tabId: string; result: AnalysisView }> = [];
    for (const file of request.others ?? []) {
      others.push({ tabId: file.tabId, result: await analyseFile(file, request, project, facts) });
    }
    return { id: request.id, ok: true, result, others };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

// Requests that arrive while one runs are superseded by the newest: only it is analysed next.
let next: AnalysisRequest | null = null;
let busy = false;

async function drain() {
  busy = true;
  while (next) {
    const request = next;
    next = null;
    self.postMessage(await analyse(request));
  }
  busy = false;
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  next = event.data;
  if (!busy) void drain();
};
