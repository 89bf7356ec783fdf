import { Language, type Node, Parser, Query, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../core/line-index';
import type { ParseDiagnostic } from '../core/types';
import type { GrammarId } from './grammars';

/**
 * Where grammar bytes come from. The page fetches them from its own origin (Vite asset URLs), Node
 * reads them from node_modules; the engine never knows which.
 */
export interface GrammarSource {
  /** Options for web-tree-sitter's runtime, e.g. `locateFile` for its own `.wasm` in the browser. */
  runtimeOptions?: Record<string, unknown>;
  loadGrammar(id: GrammarId): Promise<Uint8Array>;
}

export interface ParsedDocument {
  grammar: GrammarId;
  text: string;
  tree: Tree;
  root: Node;
  lines: LineIndex;
  /** ERROR and MISSING nodes, in document order, at most MAX_DIAGNOSTICS of them. */
  diagnostics: ParseDiagnostic[];
  /** A compiled query for this grammar, cached for the life of the host. */
  query(source: string): Query;
  /**
   * Computes something once per document (an index of assignments, say) and shares it between
   * rules, so that N rules over a file of N lines stay linear.
   */
  memo<T>(key: string, compute: () => T): T;
  dispose(): void;
}

export interface ParserHost {
  parse(grammar: GrammarId, text: string): Promise<ParsedDocument>;
  /** Grammars loaded so far, for tests and timings. */
  loadedGrammars(): GrammarId[];
}

const MAX_DIAGNOSTICS = 50;

let runtime: Promise<void> | null = null;

function initRuntime(options?: Record<string, unknown>): Promise<void> {
  if (!runtime) {
    runtime = Parser.init(options).catch((error: unknown) => {
      runtime = null;
      throw error;
    });
  }
  return runtime;
}

export function collectDiagnostics(root: Node, lines: LineIndex): ParseDiagnostic[] {
  const out: ParseDiagnostic[] = [];
  if (!root.hasError) return out;
  const cursor = root.walk();
  try {
    let descend = true;
    while (out.length < MAX_DIAGNOSTICS) {
      const node = cursor.currentNode;
      if (descend && (node.isError || node.isMissing)) {
        const range = { start: node.startIndex, end: node.endIndex };
        const missing = node.isMissing;
        out.push({
          kind: missing ? 'missing' : 'error',
          message: missing
            ? `missing ${node.type}`
            : `syntax error near "${node.text.slice(0, 40).replace(/\s+/g, ' ')}"`,
          range,
          ...lines.range(range),
        });
        descend = false;
      }
      if (descend && node.hasError && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      let climbed = false;
      while (cursor.gotoParent()) {
        if (cursor.gotoNextSibling()) {
          climbed = true;
          break;
        }
      }
      if (!climbed) break;
      descend = true;
    }
  } finally {
    cursor.delete();
  }
  return out;
}

/** One host per process (or worker): each grammar is loaded on first use, once. */
export function createParserHost(source: GrammarSource): ParserHost {
  const languages = new Map<GrammarId, Promise<Language>>();
  const queries = new Map<string, Query>();

  function language(id: GrammarId): Promise<Language> {
    let pending = languages.get(id);
    if (!pending) {
      pending = initRuntime(source.runtimeOptions)
        .then(() => source.loadGrammar(id))
        .then((bytes) => Language.load(bytes));
      pending.catch(() => languages.delete(id));
      languages.set(id, pending);
    }
    return pending;
  }

  return {
    loadedGrammars: () => [...languages.keys()],
    async parse(grammar, text) {
      const lang = await language(grammar);
      const parser = new Parser();
      let tree: Tree | null;
      try {
        parser.setLanguage(lang);
        tree = parser.parse(text);
      } finally {
        parser.delete();
      }
      if (!tree) throw new Error(`the ${grammar} parser returned no tree`);
      const lines = new LineIndex(text);
      const root = tree.rootNode;
      const parsedTree = tree;
      const memos = new Map<string, unknown>();
      return {
        grammar,
        text,
        tree: parsedTree,
        root,
        lines,
        diagnostics: collectDiagnostics(root, lines),
        query(querySource: string) {
          const key = `${grammar}\u0000${querySource}`;
          let query = queries.get(key);
          if (!query) {
            query = new Query(lang, querySource);
            queries.set(key, query);
          }
          return query;
        },
        memo<T>(memoKey: string, compute: () => T): T {
          if (!memos.has(memoKey)) memos.set(memoKey, compute());
          return memos.get(memoKey) as T;
        },
        dispose: () => {
          memos.clear();
          parsedTree.delete();
        },
      };
    },
  };
}
