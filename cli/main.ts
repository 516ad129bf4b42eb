#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * The `beamjs` command. Exit status: 0 on success, 2 for bad usage or unreadable input (with
 * one line on stderr), 1 when the program run crashes. The `#!` line starts Node with
 * beamjs's V8 flags (runtime/node-flags.ts; test/cli.test.ts keeps the two the same).
 */
import { writeSync } from 'node:fs';
import { listing } from '../compiler/beam/listing.js';
import { readBeamFile } from '../compiler/beam/reader.js';
import { BeamFormatError } from '../compiler/beam/errors.js';
import { CompileError } from '../compiler/codegen/context.js';
import { binaryFromString } from '../runtime/term/binary.js';
import { formatTerm } from '../runtime/term/print.js';
import { int, type Term } from '../runtime/term/term.js';

const USAGE = `usage: beamjs run FILE.beam [--dir DIR]... [--stress] [MOD:FUN/ARITY] [-- ARG...]
       beamjs disasm FILE.beam`;

function fail(message: string): never {
  process.stderr.write(`beamjs: ${message.split('\n')[0]}\n`);
  process.exit(2);
}

function disasm(args: string[]): void {
  if (args.length !== 1 || args[0].startsWith('-')) fail(`disasm takes one .beam file (${USAGE})`);
  let text: string;
  try {
    text = listing(readBeamFile(args[0]));
  } catch (e) {
    if (e instanceof BeamFormatError) fail(e.message);
    throw e;
  }
  process.stdout.write(text);
}

/** An argument that reads as an integer is passed as one, any other as a UTF-8 binary. */
function argTerm(s: string): Term {
  if (/^[+-]?\d+$/.test(s)) return int(BigInt(s));
  return binaryFromString(s);
}

async function run(args: string[]): Promise<void> {
  const dirs: string[] = [];
  let file: string | undefined;
  let entry: string | undefined;
  let stress = false;
  let programArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      programArgs = args.slice(i + 1);
      break;
    } else if (a === '--dir') {
      if (i + 1 >= args.length) fail('--dir needs a directory');
      dirs.push(args[++i]);
    } else if (a === '--stress') stress = true;
    else if (a.startsWith('-')) fail(`unknown option ${a} (${USAGE})`);
    else if (file === undefined) file = a;
    else if (entry === undefined) entry = a;
    else fail(`unexpected argument ${a} (${USAGE})`);
  }
  if (file === undefined) fail(`run needs a .beam file (${USAGE})`);
  let mod: string;
  let fun = 'main';
  let arity = 0;
  const sys = await import('../runtime/system.js');
  try {
    for (const d of dirs) sys.loadDir(d);
    mod = sys.loadBeamFile(file).name;
  } catch (e) {
    if (e instanceof BeamFormatError || e instanceof CompileError) fail(e.message);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(`${(e as Error).message}`);
    throw e;
  }
  if (entry !== undefined) {
    const m = /^([^:]+):([^/]+)\/(\d+)$/.exec(entry);
    if (!m) fail(`bad entry ${entry}: expected MOD:FUN/ARITY`);
    [mod, fun, arity] = [m[1], m[2], Number(m[3])];
    if (arity !== programArgs.length) fail(`${entry} takes ${arity} arguments, ${programArgs.length} given after --`);
  } else if (programArgs.length > 0) {
    arity = programArgs.length;
  }
  sys.addOtpLibraries();
  const { S } = await import('../runtime/process/state.js');
  if (stress) {
    S.budget = 1;
    S.maxDepth = 8;
  }
  const { flushStdout } = await import('../runtime/io/stdout.js');
  const { formatTerm: fmt } = await import('../runtime/term/print.js');
  let finished = false;
  // Nothing runnable, no timer, no host event: the entry can never continue (erl would hang).
  process.on('beforeExit', () => {
    if (finished) return;
    finished = true;
    flushStdout();
    writeSync(2, 'beamjs: deadlock: the entry process waits in receive and nothing can wake it\n');
    process.exitCode = 1;
  });
  const out = await sys.runEntry(mod, fun, programArgs.map(argTerm));
  finished = true;
  flushStdout();
  if (out.kind === 'value') {
    if (entry !== undefined) process.stdout.write(formatTerm(out.value, { strings: true }) + '\n');
    process.exitCode = 0;
  } else if (out.kind === 'exception') {
    const { crashReport } = await import('../runtime/report.js');
    writeSync(2, crashReport(out.exception));
    process.exitCode = 1;
  } else if (out.kind === 'exit') {
    writeSync(2, `** exited: ${fmt(out.reason, { strings: true })}\n`);
    process.exitCode = 1;
  } else if (out.kind === 'halt') {
    if (typeof out.status === 'string') writeSync(2, `${out.status}\n`);
    process.exitCode = typeof out.status === 'number' ? out.status & 255 : 1;
  } else {
    writeSync(2, `beamjs: ${out.error.message}\n`);
    if (out.error.cause instanceof Error && out.error.cause.stack) writeSync(2, out.error.cause.stack + '\n');
    process.exitCode = 70;
  }
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  switch (command) {
    case 'disasm':
      return disasm(rest);
    case 'run':
      void run(rest);
      return;
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE + '\n');
      if (command === undefined) process.exit(2);
      return;
    default:
      fail(`unknown command '${command}' (${USAGE})`);
  }
}

main(process.argv.slice(2));
