/**
 * `npx tsx bench/redaction.ts`: recall, precision and throughput of the redaction engine on the
 * labelled corpus (`redaction/corpus/fixtures`), next to secretlint's recommended preset run through
 * its Node API (`@secretlint/core` lintSource) on the same files in the same process. Figures are
 * printed as a markdown table, never asserted: the corpus test asserts what must hold.
 *
 * A labelled value counts as found when a reported range overlaps one of its occurrences; a report
 * is a true positive when it overlaps an occurrence of any labelled value. Decoys hit counts decoys
 * that a report overlaps.
 */
import { lintSource } from '@secretlint/core';
import secretlintPackage from '@secretlint/core/package.json' with { type: 'json' };
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { redact } from '../redaction/redact';
import type { RedactionKind } from '../redaction/types';
import {
  type CorpusFile,
  type LabelledValue,
  loadCorpus,
  occurrences,
} from '../tests/support/redaction-corpus';

type Span = readonly [number, number];
type Spans = Map<string, Span[]>;

interface Score {
  labels: number;
  found: number;
  reports: number;
  truePositives: number;
  decoysHit: number;
  missedByKind: Map<RedactionKind, number>;
  labelsByKind: Map<RedactionKind, number>;
}

const corpus = loadCorpus();
const corpusBytes = corpus.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function score(spans: Spans, labelsOf: (file: CorpusFile) => LabelledValue[]): Score {
  const s: Score = {
    labels: 0,
    found: 0,
    reports: 0,
    truePositives: 0,
    decoysHit: 0,
    missedByKind: new Map(),
    labelsByKind: new Map(),
  };
  for (const file of corpus) {
    const reported = spans.get(file.name) ?? [];
    const labels = labelsOf(file);
    const labelled = labels.flatMap((l) => occurrences(file.text, l.value));
    for (const label of labels) {
      s.labels++;
      s.labelsByKind.set(label.kind, (s.labelsByKind.get(label.kind) ?? 0) + 1);
      const hit = occurrences(file.text, label.value).some((o) => reported.some((r) => overlaps(o, r)));
      if (hit) s.found++;
      else s.missedByKind.set(label.kind, (s.missedByKind.get(label.kind) ?? 0) + 1);
    }
    for (const r of reported) {
      s.reports++;
      if (labelled.some((o) => overlaps(o, r))) s.truePositives++;
    }
    for (const decoy of file.decoys) {
      if (occurrences(file.text, decoy).some((o) => reported.some((r) => overlaps(o, r)))) s.decoysHit++;
    }
  }
  return s;
}

function ours(infrastructure: boolean): Spans {
  const spans: Spans = new Map();
  for (const file of corpus) {
    const result = redact(file.text, { categories: { secrets: true, infrastructure } });
    spans.set(
      file.name,
      result.redactions.map((r) => [r.range.start, r.range.end] as const),
    );
  }
  return spans;
}

const SECRETLINT_CONFIG = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }],
};

async function secretlint(): Promise<Spans> {
  const spans: Spans = new Map();
  for (const file of corpus) {
    const result = await lintSource({
      source: {
        filePath: file.name,
        content: file.text,
        ext: file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.')) : '',
        contentType: 'text',
      },
      options: { config: SECRETLINT_CONFIG, maskSecrets: true },
    });
    spans.set(
      file.name,
      result.messages.map((m) => [m.range[0], m.range[1]] as const),
    );
  }
  return spans;
}

/** Whole-corpus passes until at least a second has gone by, after one warm-up pass. */
async function throughput(pass: () => unknown): Promise<number> {
  await pass();
  let passes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000 || passes < 3) {
    await pass();
    passes++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return (corpusBytes * passes) / seconds / 1e6;
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function row(tool: string, mode: string, s: Score, mbps: number): string {
  return `| ${tool} | ${mode} | ${pct(s.found, s.labels)} (${s.found}/${s.labels}) | ${pct(s.truePositives, s.reports)} (${s.truePositives}/${s.reports}) | ${s.decoysHit} | ${mbps.toFixed(2)} |`;
}

async function main() {
  const secretsOnly = (f: CorpusFile) => f.secrets;
  const everything = (f: CorpusFile) => [...f.secrets, ...f.infrastructure];

  const oursSecrets = score(ours(false), secretsOnly);
  const oursAll = score(ours(true), everything);
  const theirs = score(await secretlint(), secretsOnly);

  const oursMbps = await throughput(() => ours(false));
  const oursAllMbps = await throughput(() => ours(true));
  const theirMbps = await throughput(() => secretlint());

  const decoys = corpus.reduce((n, f) => n + f.decoys.length, 0);
  console.log(
    `Redaction on the labelled corpus: ${corpus.length} files, ${(corpusBytes / 1024).toFixed(1)} KB, ` +
      `${oursSecrets.labels} secrets, ${oursAll.labels - oursSecrets.labels} infrastructure identifiers, ${decoys} decoys.\n`,
  );
  console.log('| tool | labels | recall | precision | decoys hit | throughput, MB/s |');
  console.log('|------|--------|-------:|----------:|-----------:|-----------------:|');
  console.log(row('staleproof', 'secrets', oursSecrets, oursMbps));
  console.log(row('staleproof', 'secrets + infrastructure', oursAll, oursAllMbps));
  console.log(
    row(`secretlint ${secretlintPackage.version} (preset-recommend)`, 'secrets', theirs, theirMbps),
  );

  console.log('\nSecrets missed, by kind (of the labelled count):\n');
  console.log('| kind | labelled | staleproof missed | secretlint missed |');
  console.log('|------|---------:|------------------:|------------------:|');
  for (const [kind, n] of [...oursSecrets.labelsByKind].sort((a, b) => b[1] - a[1])) {
    console.log(
      `| ${kind} | ${n} | ${oursSecrets.missedByKind.get(kind) ?? 0} | ${theirs.missedByKind.get(kind) ?? 0} |`,
    );
  }
}

await main();
