/**
 * The running system: the code path, loading .beam files and directories, finding OTP's own
 * library modules (compiled from the user's installation, design §5), and running an entry
 * function in a process to completion.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBeamFile } from '../compiler/beam/reader.js';
import './bif/index.js';
import { setCodePathSource } from './bif/code.js';
import { linkAll, loadModule } from './loader.js';
import { MODULE_PATHS, MODULES, setAutoloader, type LoadedModule } from './modules.js';
import { resolve } from './ops.js';
import type { Outcome } from './process/driver.js';
import { PROCESSES, resetPids } from './process/process.js';
import { halt, resetScheduler, restartScheduler, setHaltHandler } from './process/scheduler.js';
import { ALIASES, NAMES, NORMAL } from './process/signals.js';
import { spawnProcess } from './process/spawn.js';
import { S } from './process/state.js';
import { atom } from './term/atom.js';
import type { Term } from './term/term.js';

const codePath: string[] = [];
setCodePathSource(() => codePath);
// Parts of the runtime written in Erlang (runtime/erlang/), always on the code path.
codePath.push(fileURLToPath(new URL('../../runtime/erlang/ebin', import.meta.url)));

export function addCodePath(dir: string): void {
  if (!codePath.includes(dir)) codePath.push(dir);
}

export function loadBeamFile(path: string): LoadedModule {
  const m = loadModule(readBeamFile(path));
  MODULE_PATHS.set(m.name, path);
  return m;
}

/** Loads every .beam in `dir` and adds it to the code path. */
export function loadDir(dir: string): LoadedModule[] {
  addCodePath(dir);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.beam'))
    .sort()
    .map((f) => loadBeamFile(join(dir, f)));
}

setAutoloader((module) => {
  for (const dir of codePath) {
    const path = join(dir, `${module}.beam`);
    if (existsSync(path)) {
      loadBeamFile(path);
      linkAll();
      return MODULES.has(module);
    }
  }
  return false;
});

/**
 * OTP's installation root: $BEAMJS_OTP_ROOT, else the ROOTDIR of the `erl` script on the
 * PATH, else the usual install locations.
 */
export function findOtpRoot(): string | undefined {
  const env = process.env.BEAMJS_OTP_ROOT;
  if (env) return env;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const erl = join(dir, 'erl');
    if (!existsSync(erl)) continue;
    try {
      const m = /ROOTDIR="?([^"\n]+)"?/.exec(readFileSync(erl, 'latin1').slice(0, 4096));
      if (m && existsSync(join(m[1], 'lib'))) return m[1];
    } catch {
      /* not a script */
    }
    const guess = join(dirname(dirname(erl)), 'lib', 'erlang');
    if (existsSync(join(guess, 'lib'))) return guess;
  }
  for (const root of ['/usr/lib/erlang', '/usr/local/lib/erlang', '/opt/homebrew/lib/erlang']) {
    if (existsSync(join(root, 'lib'))) return root;
  }
  return undefined;
}

/** Puts OTP's stdlib and kernel (and other applications) on the code path, after user dirs. */
export function addOtpLibraries(root = findOtpRoot()): boolean {
  if (!root) return false;
  const lib = join(root, 'lib');
  const apps = readdirSync(lib).sort();
  for (const prefer of ['stdlib-', 'kernel-', 'compiler-']) {
    for (const app of apps) if (app.startsWith(prefer)) addCodePath(join(lib, app, 'ebin'));
  }
  // erts/ebin holds the preloaded modules (erlang, init, prim_*...): their functions are
  // BIFs, implemented natively here, never compiled.
  for (const app of apps) if (!app.startsWith('erts-')) addCodePath(join(lib, app, 'ebin'));
  return true;
}

/** What ended a run: the entry's outcome, or erlang:halt/0,1,2 with its status. */
export type RunResult = Outcome | { readonly kind: 'halt'; readonly status: number | string };

/**
 * Runs `module:name(args...)` as the entry process, as `gleam run` or `erl -eval` would: the
 * scheduler runs it and every process it spawns, and the run ends when the entry returns or
 * crashes (other processes notwithstanding) or when erlang:halt is called. The entry process
 * traps exits, like erl's eval process. A fresh runtime state (process table, names) each time,
 * unless `fresh: false` keeps the processes already there (restored ones, say).
 */
export function runEntry(module: string, name: string, args: Term[], opts: { fresh?: boolean } = {}): Promise<RunResult> {
  linkAll();
  if (opts.fresh !== false) resetRuntime();
  else restartScheduler();
  const fn = resolve(module, name, args.length);
  return new Promise((done) => {
    setHaltHandler((status) => done({ kind: 'halt', status }));
    const p = spawnProcess(() => fn(...args), [atom(module), atom(name), args.length], { entry: true, trapExit: true });
    p.onExit = (reason) => {
      let out: Outcome;
      if (p.internalError) out = { kind: 'internal', error: p.internalError };
      else if (p.crash) out = { kind: 'exception', exception: p.crash };
      else if (reason === NORMAL && p.result !== undefined) out = { kind: 'value', value: p.result };
      else out = { kind: 'exit', reason };
      setHaltHandler(() => {});
      halt(0);
      done(out);
    };
  });
}

/** A fresh runtime: no processes, names or aliases (runEntry does this unless told not to). */
export function resetRuntime(): void {
  resetScheduler();
  PROCESSES.clear();
  NAMES.clear();
  ALIASES.clear();
  resetPids();
  S.current = undefined;
}
