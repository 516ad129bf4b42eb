#!/usr/bin/env node
// Fixture pipeline: compile fixtures/erlang/*.erl with erlc into fixtures/beam/,
// run each one on the real BEAM and record its stdout and exit status in
// fixtures/expected/. See fixtures/README.md.
//
//   node scripts/fixtures.mjs                 regenerate every fixture
//   node scripts/fixtures.mjs --only NAME     regenerate one fixture (repeatable, or NAME,NAME)
//   node scripts/fixtures.mjs --check         recompile into a temporary directory, re-run and
//                                             compare with the recorded files; writes nothing,
//                                             exits 1 on any difference
//
// Plain Node ESM with no dependencies. Needs `erl` and `erlc` on PATH.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SRC_DIR = 'fixtures/erlang';
export const BEAM_DIR = 'fixtures/beam';
export const EXPECTED_DIR = 'fixtures/expected';
export const TIMEOUT_MS = 30_000;
const JOBS = 2;

// Chunks that legitimately differ between two compilations of the same source in
// different directories (they record the absolute source path and the -o option).
const PATH_DEPENDENT_CHUNKS = new Set(['CInf', 'Dbgi']);

/**
 * The -eval expression given to `erl`: call Mod:main(); halt 0 if it returns,
 * otherwise print class, reason and stack trace to stderr and halt 1.
 * erlang:halt/1 flushes port output (stdout/stderr) before the VM exits.
 */
export function runnerExpr(mod) {
  return (
    `FixtureResult = try '${mod}':main() of _ -> ok ` +
    `catch FixtureClass:FixtureReason:FixtureStack -> {FixtureClass, FixtureReason, FixtureStack} end, ` +
    `case FixtureResult of ` +
    `ok -> erlang:halt(0); ` +
    `{C, R, S} -> io:format(standard_error, "fixture ~s crashed: ~p:~p~n~p~n", ['${mod}', C, R, S]), erlang:halt(1) ` +
    `end.`
  );
}

// Pinned environment for erl/erlc: a fixed locale, and no crash dump files
// if a VM ever dies (the runner catches exceptions, but a fixture could halt).
const ERL_ENV = { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ERL_CRASH_DUMP_SECONDS: '0' };

/**
 * The logger's report headers (`=ERROR REPORT==== 21-Nov-2026::23:41:55.508344 ===`) carry the
 * local time: the one part of a fixture's output that cannot repeat. Masked when comparing.
 */
export function maskReportTimes(buf) {
  return Buffer.from(buf.toString('latin1').replace(/^=([A-Z ]+ REPORT)==== .* ===$/gm, '=$1==== <time> ==='), 'latin1');
}

/** Run a command; resolves with its exit code, stdout/stderr buffers and whether it timed out. */
export function run(cmd, args, { cwd = ROOT, timeoutMs = TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...ERL_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the whole process group: erl -> erlexec -> beam.smp
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.from(String(e)), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
    });
  });
}

/** Compile fixtures/erlang/NAME.erl into outDir (relative to ROOT or absolute). */
export async function compileFixture(name, outDir, flags = []) {
  const r = await run('erlc', ['+debug_info', ...flags, '-o', outDir, `${SRC_DIR}/${name}.erl`]);
  return { ok: r.code === 0 && !r.timedOut, messages: (r.stdout.toString() + r.stderr.toString()).trim() };
}

/** Run NAME:main() on the real BEAM with beamDir on the code path. */
export async function runFixture(name, beamDir) {
  const r = await run('erl', ['-noshell', '-pa', beamDir, '-eval', runnerExpr(name)]);
  return { stdout: r.stdout, stderr: r.stderr.toString(), status: r.code, timedOut: r.timedOut, signal: r.signal };
}

/** Split a .beam file into its IFF chunks: Map id -> Buffer. Throws on a malformed file. */
export function beamChunks(buf) {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'FOR1' || buf.toString('latin1', 8, 12) !== 'BEAM') {
    throw new Error('not a BEAM file (missing FOR1....BEAM header)');
  }
  const end = 8 + buf.readUInt32BE(4);
  if (end !== buf.length) throw new Error(`FOR1 size ${end - 8} does not match file size ${buf.length}`);
  const chunks = new Map();
  let pos = 12;
  while (pos + 8 <= end) {
    const id = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32BE(pos + 4);
    chunks.set(id, buf.subarray(pos + 8, pos + 8 + size));
    pos += 8 + ((size + 3) & ~3);
  }
  return chunks;
}

/** Names of chunks whose contents differ (ignoring path-dependent chunks). */
function beamDiff(a, b) {
  const ca = beamChunks(a);
  const cb = beamChunks(b);
  const ids = new Set([...ca.keys(), ...cb.keys()]);
  return [...ids].filter((id) => !PATH_DEPENDENT_CHUNKS.has(id) && !(ca.has(id) && cb.has(id) && ca.get(id).equals(cb.get(id))));
}

export function listFixtures() {
  return fs
    .readdirSync(path.join(ROOT, SRC_DIR))
    .filter((f) => f.endsWith('.erl'))
    .map((f) => f.slice(0, -4))
    .sort();
}

function firstLines(s, n = 6) {
  return s.trim().split('\n').slice(0, n).map((l) => `    ${l}`).join('\n');
}

async function generate(name) {
  const c = await compileFixture(name, BEAM_DIR);
  if (!c.ok) return { ok: false, msg: `compile failed\n${firstLines(c.messages, 20)}` };
  // The same program as OTP 24's compiler would emit it (bs_init2/bs_put_*, no types): beamjs
  // must run both forms with the same output.
  fs.mkdirSync(path.join(ROOT, BEAM_DIR + '-r24'), { recursive: true });
  const c24 = await compileFixture(name, BEAM_DIR + '-r24', ['+r24']);
  if (!c24.ok) return { ok: false, msg: `compile (+r24) failed\n${firstLines(c24.messages, 20)}` };
  const r = await runFixture(name, BEAM_DIR);
  if (r.timedOut) return { ok: false, msg: `timed out after ${TIMEOUT_MS / 1000}s (nothing recorded)` };
  if (r.status === null) return { ok: false, msg: `killed by ${r.signal} (nothing recorded)` };
  fs.mkdirSync(path.join(ROOT, EXPECTED_DIR), { recursive: true });
  fs.writeFileSync(path.join(ROOT, EXPECTED_DIR, `${name}.stdout`), r.stdout);
  fs.writeFileSync(path.join(ROOT, EXPECTED_DIR, `${name}.status`), `${r.status}\n`);
  // The OTP 24 build can legitimately print something else (stack traces: a float
  // multiplication is a BIF call there, an fmul instruction in OTP 25 code). Record what erl
  // prints for it only when it differs.
  const r24 = await runFixture(name, BEAM_DIR + '-r24');
  const r24File = path.join(ROOT, EXPECTED_DIR, `${name}.r24.stdout`);
  if (!r24.timedOut && !maskReportTimes(r24.stdout).equals(maskReportTimes(r.stdout))) fs.writeFileSync(r24File, r24.stdout);
  else fs.rmSync(r24File, { force: true });
  const notes = [];
  if (c.messages) notes.push(`compiler said:\n${firstLines(c.messages)}`);
  if (r.status !== 0) notes.push(`exit status ${r.status}:\n${firstLines(r.stderr, 4)}`);
  return { ok: true, msg: notes.join('\n'), bytes: r.stdout.length, status: r.status };
}

async function check(name, tmpDir) {
  const problems = [];
  const stdoutFile = path.join(ROOT, EXPECTED_DIR, `${name}.stdout`);
  const statusFile = path.join(ROOT, EXPECTED_DIR, `${name}.status`);
  const beamFile = path.join(ROOT, BEAM_DIR, `${name}.beam`);
  const c = await compileFixture(name, tmpDir);
  if (!c.ok) return { ok: false, msg: `compile failed\n${firstLines(c.messages, 20)}` };
  if (!fs.existsSync(beamFile)) problems.push(`missing ${BEAM_DIR}/${name}.beam`);
  else {
    try {
      const diff = beamDiff(fs.readFileSync(beamFile), fs.readFileSync(path.join(tmpDir, `${name}.beam`)));
      if (diff.length) problems.push(`${BEAM_DIR}/${name}.beam is stale (chunks ${diff.join(', ')} differ)`);
    } catch (e) {
      problems.push(`${BEAM_DIR}/${name}.beam: ${e.message}`);
    }
  }
  const r = await runFixture(name, tmpDir);
  if (r.timedOut) problems.push(`timed out after ${TIMEOUT_MS / 1000}s`);
  else if (!fs.existsSync(stdoutFile) || !fs.existsSync(statusFile)) problems.push('missing expected output');
  else {
    const want = fs.readFileSync(stdoutFile);
    if (!maskReportTimes(want).equals(maskReportTimes(r.stdout))) problems.push(`stdout differs: ${describeDiff(want, r.stdout)}`);
    const wantStatus = fs.readFileSync(statusFile, 'utf8');
    if (wantStatus !== `${r.status}\n`) problems.push(`status differs: recorded ${wantStatus.trim()}, got ${r.status}`);
  }
  return { ok: problems.length === 0, msg: problems.join('\n  ') };
}

function describeDiff(want, got) {
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const line = want.subarray(0, i).toString('latin1').split('\n').length;
  const show = (b) => JSON.stringify(b.subarray(i, i + 60).toString('utf8'));
  return `first difference at byte ${i} (line ${line}): recorded ${show(want)}, got ${show(got)}`;
}

async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

function removeOrphans(names) {
  const keep = new Set(names);
  const removed = [];
  for (const [dir, exts] of [
    [BEAM_DIR, ['.beam']],
    [EXPECTED_DIR, ['.stdout', '.status']],
  ]) {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs)) {
      const ext = exts.find((e) => f.endsWith(e));
      if (ext && !keep.has(f.slice(0, -ext.length).replace(/\.r24$/, ''))) {
        fs.rmSync(path.join(abs, f));
        removed.push(`${dir}/${f}`);
      }
    }
  }
  return removed;
}

function parseArgs(argv) {
  const opts = { check: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--only') {
      if (i + 1 >= argv.length) throw new Error('--only needs a fixture name');
      opts.only.push(...argv[++i].split(',').filter(Boolean));
    } else if (a.startsWith('--only=')) opts.only.push(...a.slice(7).split(',').filter(Boolean));
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/fixtures.mjs [--check] [--only NAME[,NAME...]]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`fixtures: ${e.message}`);
    process.exit(2);
  }
  const all = listFixtures();
  for (const n of opts.only.map((s) => s.replace(/\.erl$/, ''))) {
    if (!all.includes(n)) {
      console.error(`fixtures: no such fixture ${SRC_DIR}/${n}.erl`);
      process.exit(2);
    }
  }
  const bad = all.filter((n) => !/^[a-z][a-z0-9_]*$/.test(n));
  if (bad.length) {
    console.error(`fixtures: fixture names must be plain lower-case atoms: ${bad.join(', ')}`);
    process.exit(2);
  }
  const names = opts.only.length ? all.filter((n) => opts.only.includes(n.replace(/\.erl$/, ''))) : all;
  const t0 = Date.now();
  let results;
  let tmpDir = null;
  if (opts.check) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beamjs-fixtures-'));
    try {
      results = await pool(names, JOBS, (n) => check(n, tmpDir));
    } finally {
      fs.rmSync(tmpDir, { recursive: true, force: true });
    }
  } else {
    fs.mkdirSync(path.join(ROOT, BEAM_DIR), { recursive: true });
    results = await pool(names, JOBS, generate);
    if (!opts.only.length) {
      for (const f of removeOrphans(all)) console.log(`removed orphan ${f}`);
    }
  }
  let failed = 0;
  names.forEach((n, i) => {
    const r = results[i];
    if (!r.ok) {
      failed++;
      console.log(`FAIL ${n}: ${r.msg}`);
    } else if (r.msg) console.log(`note ${n}: ${r.msg}`);
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const verb = opts.check ? 'checked' : 'generated';
  console.log(`fixtures: ${verb} ${names.length}, ${names.length - failed} ok, ${failed} failed (${secs}s)`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
