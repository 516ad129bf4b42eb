#!/usr/bin/env node
// Compiles the parts of the runtime written in Erlang (runtime/erlang/*.erl) into
// runtime/erlang/ebin/, where the runtime finds them. The .beam files are committed, so
// beamjs itself needs no Erlang compiler; run this after changing a .erl (needs erlc).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'runtime', 'erlang');
const sources = readdirSync(dir).filter((f) => f.endsWith('.erl'));
execFileSync('erlc', ['-o', join(dir, 'ebin'), ...sources.map((f) => join(dir, f))], { stdio: 'inherit' });
console.log(`compiled ${sources.length} module(s) into runtime/erlang/ebin`);
