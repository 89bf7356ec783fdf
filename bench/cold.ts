// One first analysis in a fresh process: runtime init, grammar load, parse, rules, fixes.
import { nodeGrammarSource } from '../cli/node-grammars';
import { createEngine, createParserHost } from '../engine/index';
import { pythonCorpus } from './corpus';

const size = Number(process.argv[2] ?? 1000);
const text = pythonCorpus(size);
const t0 = performance.now();
const engine = createEngine({ host: createParserHost(nodeGrammarSource) });
await engine.analyse(text, { filename: 'bench.py' });
process.stdout.write(`${(performance.now() - t0).toFixed(2)}\n`);
