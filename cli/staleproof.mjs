#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so the repo needs no build step to run it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
