/// <reference lib="webworker" />
import { diffLines } from 'diff';
import {
  type AnalyseOptions,
  type AnalysisResult,
  createEngine,
  createParserHost,
  RULES,
} from '../../../engine/index';
import { browserGrammarSource } from './browser-grammars';
import { analyseChosen } from './chosen-fixes';
import { DEFAULT_SELECTION, resolveSelection, shortSafetyNote } from './fix-selection';
import type { AnalysisRequest, AnalysisResponse, AnalysisView, DiffLine } from './protocol';

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
 * The last analysis with the default fixes, by its input: toggling a fix changes only the selection,
 * so the findings (which do not depend on it) are taken from here instead of being computed again.
 */
let lastDefault: { key: string; text: string; result: AnalysisResult } | null = null;

async function analyseDefault(text: string, options: AnalyseOptions): Promise<AnalysisResult> {
  const key = JSON.stringify(options);
  if (lastDefault && lastDefault.key === key && lastDefault.text === text) return lastDefault.result;
  const result = await engine.analyse(text, options);
  lastDefault = { key, text, result };
  return result;
}

async function analyse(request: AnalysisRequest): Promise<AnalysisResponse> {
  try {
    const options: AnalyseOptions = {
      filename: request.filename,
      format: request.format,
      environment: request.environment,
      optIn: request.optIn,
      redaction: request.redaction,
    };
    const byDefault = await analyseDefault(request.text, options);
    const resolved = resolveSelection(
      byDefault.findings,
      request.text,
      request.selection ?? DEFAULT_SELECTION,
    );
    const result = await analyseChosen(engine, request.text, options, byDefault, resolved);
    const changed = result.patched !== request.text;
    const reviewNotes: Record<string, string> = {};
    for (const finding of result.findings) {
      const note = SAFETY_NOTES.get(finding.ruleId);
      if (finding.fix?.safety === 'review' && note) reviewNotes[finding.ruleId] = note;
    }
    const view: AnalysisView = {
      ...result,
      changed,
      diff: changed ? plainDiff(request.text, result.patched) : [],
      selected: resolved.selected,
      selection: resolved.state,
      reviewNotes,
    };
    return { id: request.id, ok: true, result: view };
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
