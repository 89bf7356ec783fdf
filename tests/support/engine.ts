import { nodeGrammarSource } from '../../cli/node-grammars';
import { createEngine, createParserHost } from '../../engine/index';

/** One parser host per test worker: grammars load once, as in the CLI. */
export const host = createParserHost(nodeGrammarSource);
export const engine = createEngine({ host });
