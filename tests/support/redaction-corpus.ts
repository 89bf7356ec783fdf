/**
 * The labelled redaction corpus (`redaction/corpus/fixtures`): each file with its sidecar
 * `<file>.labels.json` listing the secrets and infrastructure identifiers it holds, and decoys that
 * look like secrets but must survive. Shared by the corpus test and `bench/redaction.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedactionKind } from '../../redaction/types';
import type { GrammarId } from '../../wasm-parsers/grammars';

export interface LabelledValue {
  value: string;
  kind: RedactionKind;
}

export interface CorpusFile {
  name: string;
  text: string;
  /** A tree-sitter grammar, `json` (checked with JSON.parse), or null for formats we do not parse. */
  format: GrammarId | 'json' | null;
  secrets: LabelledValue[];
  infrastructure: LabelledValue[];
  decoys: string[];
}

export const CORPUS_DIR = new URL('../../redaction/corpus/fixtures/', import.meta.url).pathname;

export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.labels.json'))
    .sort()
    .map((name) => {
      const labels = JSON.parse(readFileSync(join(dir, `${name}.labels.json`), 'utf8'));
      return {
        name,
        text: readFileSync(join(dir, name), 'utf8'),
        format: labels.format,
        secrets: labels.secrets,
        infrastructure: labels.infrastructure,
        decoys: labels.decoys,
      };
    });
}

/** Every [start, end) where `value` occurs in `text`. */
export function occurrences(text: string, value: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!value) return out;
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) out.push([i, i + value.length]);
  return out;
}

export function countOf(text: string, value: string): number {
  return occurrences(text, value).length;
}
