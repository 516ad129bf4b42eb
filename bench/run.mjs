#!/usr/bin/env node
// Benchmarks: each program in bench/erlang/ runs on `erl`, on beamjs (the compiled .beam
// through dist/runtime) and as the handwritten JavaScript in bench/js/, in the same run.
// Prints a markdown table; see bench/README.md.
//
//   node bench/run.mjs [--only NAME[,NAME...]] [--quick] [--json FILE] [--timeout SECONDS]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const WORKER = join(BENCH, 'lib', 'node-worker.mjs');
const MARK = 'BENCH_RESULT ';

/** name, Erlang module (bench/erlang/MODULE.erl), JS file (bench/js/NAME.mjs), sizes. */
const BENCHMARKS = [
  { name: 'fib', module: 'fib', n: 37, quickN: 27 },
  { name: 'tak', module: 'tak', n: 800, quickN: 50 },
  { name: 'nrev', module: 'nrev', n: 500, quickN: 30 },
  { name: 'qsort', module: 'qsort', n: 300000, quickN: 20000 },
  { name: 'binarytrees', module: 'binarytrees', n: 17, quickN: 12 },
  { name: 'nbody', module: 'nbody', n: 200000, quickN: 10000 },
  { name: 'mandelbrot', module: 'mandelbrot', n: 600, quickN: 120 },
  { name: 'binary_append', module: 'binary_append', n: 8000000, quickN: 300000 },
  { name: 'maps', module: 'maps_bench', n: 200000, quickN: 10000 },
  { name: 'bignum', module: 'bignum', n: 2000, quickN: 300 },
  { name: 'bitsyntax', module: 'bitsyntax', n: 100000, quickN: 5000 },
  { name: 'exceptions', module: 'exceptions', n: 2000000, quickN: 30000 },
  { name: 'ring', module: 'ring', n: 1000000, quickN: 20000 },
  { name: 'spawn', module: 'spawn_bench', n: 1000000, quickN: 20000 },
  { name: 'selective', module: 'selective', n: 5000, quickN: 200 },
];

const USAGE = `usage: node bench/run.mjs [--only NAME[,NAME...]] [--quick] [--json FILE] [--timeout SECONDS]
benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`;

function parseArgs(argv) {
  const opts = { only: [], quick: false, json: undefined, timeoutMs: 300_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--only') opts.only.push(...value().split(',').filter(Boolean));
    else if (a === '--quick') opts.quick = true;
    else if (a === '--json') opts.json = value();
    else if (a === '--timeout') {
      const s = Number(value());
      if (!(s > 0)) usageError('--timeout needs a positive number of seconds');
      opts.timeoutMs = s * 1000;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else usageError(`unknown argument ${a}`);
  }
  for (const name of opts.only) {
    if (!BENCHMARKS.some((b) => b.name === name)) usageError(`no benchmark named ${name}`);
  }
  return opts;
}

function usageError(msg) {
  process.stderr.write(`bench: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

function firstLine(s) {
  return String(s).split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

/** Runs a command; resolves with {code, stdout, stderr, timedOut}. */
function exec(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + e.message, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr, timedOut });
    });
  });
}

/** The result line a harness printed, or an error built from whatever the process said. */
function resultLine(res, what) {
  if (res.timedOut) return { error: `timeout` };
  const line = res.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (line !== undefined) return { line: line.slice(MARK.length) };
  const said = firstLine(res.stderr) || firstLine(res.stdout) || `exit status ${res.code}`;
  return { error: `${what}: ${said}` };
}

function compileErlang(dir) {
  const sources = readdirSync(join(BENCH, 'erlang'))
    .filter((f) => f.endsWith('.erl'))
    .map((f) => join(BENCH, 'erlang', f));
  const r = spawnSync('erlc', ['-o', dir, ...sources], { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run erlc: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`erlc failed:\n${r.stdout}${r.stderr}`);
}

function otpRelease() {
  const r = spawnSync('erl', ['-noshell', '-eval', 'io:format("~s", [erlang:system_info(otp_release)]), halt().'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * The erl side: one `erl -noshell` per benchmark; warm-up run(s), then timer:tc around each
 * run, so VM start-up is excluded. Same stopping rule as bench/lib/timing.mjs.
 */
function erlHarness(mod, n, t) {
  return `
Mod = '${mod}', N = ${n}, Warmup = ${t.warmup}, MinRuns = ${t.minRuns}, MaxRuns = ${t.maxRuns},
Budget = ${Math.round(t.budgetMs * 1000)},
Check = fun (C, undefined) -> C;
            (C, C) -> C;
            (C, Prev) -> erlang:error({checksum_changed, Prev, C})
        end,
Result =
    try
        C0 = lists:foldl(fun (_, Acc) -> Check(Mod:run(N), Acc) end, undefined, lists:seq(1, Warmup)),
        Loop = fun Loop(Times, Total, Acc) ->
                       Done = length(Times) >= MinRuns andalso
                              (Total >= Budget orelse length(Times) >= MaxRuns),
                       if
                           Done -> {Times, Acc};
                           true ->
                               {T, C} = timer:tc(Mod, run, [N]),
                               Loop([T | Times], Total + T, Check(C, Acc))
                       end
               end,
        {Ts, Cs} = Loop([], 0, C0),
        Sorted = lists:sort(Ts),
        {ok, hd(Sorted), lists:nth(length(Sorted) div 2 + 1, Sorted), length(Ts), Cs}
    catch
        Class:Reason -> {error, Class, Reason}
    end,
case Result of
    {ok, Best, Median, Runs, Sum} ->
        io:format("~n${MARK}ok ~b ~b ~b ~w~n", [Best, Median, Runs, Sum]);
    {error, Cl, Re} ->
        io:format("~n${MARK}error ~W~n", [{Cl, Re}, 12])
end,
halt().`;
}

async function runErl(bench, n, beamDir, t, timeoutMs) {
  const res = await exec('erl', ['-noshell', '-pa', beamDir, '-eval', erlHarness(bench.module, n, t)], timeoutMs);
  const r = resultLine(res, 'erl');
  if (r.error) return { ok: false, error: r.error };
  const m = /^ok (\d+) (\d+) (\d+) (.*)$/.exec(r.line);
  if (!m) return { ok: false, error: firstLine(r.line.replace(/^error /, '')) };
  return { ok: true, bestMs: Number(m[1]) / 1000, medianMs: Number(m[2]) / 1000, runs: Number(m[3]), checksum: m[4] };
}

/**
 * The V8 flags `beamjs run` starts Node with (dist/runtime/node-flags.js): both the beamjs
 * and the handwritten JS worker get them, so the two run on the same Node configuration.
 */
async function nodeFlags() {
  try {
    return [...(await import(new URL('../dist/runtime/node-flags.js', import.meta.url).href)).NODE_FLAGS];
  } catch {
    return []; // not built: the beamjs runs report that themselves
  }
}

async function runNode(impl, file, n, t, timeoutMs) {
  const cfg = { impl, file, n, ...t };
  const res = await exec(process.execPath, [...(await nodeFlags()), WORKER, JSON.stringify(cfg)], timeoutMs);
  const r = resultLine(res, impl);
  if (r.error) return { ok: false, error: r.error };
  return JSON.parse(r.line);
}

function fmtMs(r) {
  if (!r.ok) return `error: ${r.error}`.replaceAll('|', '\\|');
  const ms = r.bestMs;
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function fmtRatio(x) {
  if (x === undefined) return '–';
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function geomean(xs) {
  if (xs.length === 0) return undefined;
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

/** Compares the checksums of the implementations that ran; returns the disagreeing ones. */
function compareChecksums(row) {
  const got = ['erl', 'beamjs', 'js'].filter((k) => row[k].ok).map((k) => [k, row[k].checksum]);
  if (got.length < 2) return undefined;
  const reference = got[0][1];
  return got.some(([, c]) => c !== reference) ? Object.fromEntries(got) : undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const selected = opts.only.length > 0 ? BENCHMARKS.filter((b) => opts.only.includes(b.name)) : BENCHMARKS;
  const timing = opts.quick
    ? { warmup: 1, minRuns: 1, maxRuns: 1, budgetMs: 0 }
    : { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 2000 };

  if (!existsSync(join(ROOT, 'dist', 'runtime', 'system.js'))) {
    process.stderr.write('bench: dist/ is not built (npm run build); the beamjs column will show errors\n');
  }
  const beamDir = mkdtempSync(join(tmpdir(), 'beamjs-bench-'));
  const rows = [];
  let mismatches = 0;
  try {
    compileErlang(beamDir);
    for (const b of selected) {
      const n = opts.quick ? b.quickN : b.n;
      const beam = join(beamDir, `${b.module}.beam`);
      const js = join(BENCH, 'js', `${b.name}.mjs`);
      process.stderr.write(`${b.name} (N=${n}): erl`);
      const erl = await runErl(b, n, beamDir, timing, opts.timeoutMs);
      process.stderr.write(' beamjs');
      const beamjs = await runNode('beamjs', beam, n, timing, opts.timeoutMs);
      process.stderr.write(' js');
      const jsr = await runNode('js', js, n, timing, opts.timeoutMs);
      const row = { name: b.name, n, erl, beamjs, js: jsr };
      row.mismatch = compareChecksums(row);
      row.checksumsAgree = row.mismatch === undefined;
      if (beamjs.ok && erl.ok) row.beamjsOverErl = beamjs.bestMs / erl.bestMs;
      if (beamjs.ok && jsr.ok) row.beamjsOverJs = beamjs.bestMs / jsr.bestMs;
      rows.push(row);
      process.stderr.write('\n');
      for (const [k, r] of Object.entries({ erl, beamjs, js: jsr })) {
        if (!r.ok) process.stderr.write(`  ${k}: error: ${r.error}\n`);
      }
      if (row.mismatch) {
        mismatches++;
        process.stderr.write(`\n!!! CHECKSUM MISMATCH in ${b.name}: ${JSON.stringify(row.mismatch)}\n\n`);
      }
    }
  } finally {
    rmSync(beamDir, { recursive: true, force: true });
  }

  const gErl = geomean(rows.map((r) => r.beamjsOverErl).filter((x) => x !== undefined));
  const gJs = geomean(rows.map((r) => r.beamjsOverJs).filter((x) => x !== undefined));
  const lines = [
    '| benchmark | erl ms | beamjs ms | JS ms | beamjs/erl | beamjs/JS |',
    '|---|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const flag = r.mismatch ? ' **CHECKSUM MISMATCH**' : '';
    lines.push(
      `| ${r.name}${flag} | ${fmtMs(r.erl)} | ${fmtMs(r.beamjs)} | ${fmtMs(r.js)} | ` +
        `${fmtRatio(r.beamjsOverErl)} | ${fmtRatio(r.beamjsOverJs)} |`,
    );
  }
  const counted = (k) => rows.filter((r) => r[k] !== undefined).length;
  lines.push(
    `| **geometric mean** | | | | ${fmtRatio(gErl)} (${counted('beamjsOverErl')}/${rows.length}) | ` +
      `${fmtRatio(gJs)} (${counted('beamjsOverJs')}/${rows.length}) |`,
  );
  const env = { date: new Date().toISOString(), node: process.version, otp: otpRelease(), quick: opts.quick, timing };
  process.stdout.write(
    `\nbest of ${timing.minRuns}–${timing.maxRuns} runs after ${timing.warmup} warm-up; ` +
      `Node ${env.node}, OTP ${env.otp ?? '?'}${opts.quick ? ', --quick sizes' : ''}\n\n` +
      lines.join('\n') +
      '\n',
  );
  if (mismatches > 0) process.stdout.write(`\n**${mismatches} checksum mismatch(es)** — see above.\n`);
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ ...env, results: rows, geomean: { beamjsOverErl: gErl ?? null, beamjsOverJs: gJs ?? null } }, null, 2) + '\n');
  }
  if (mismatches > 0) process.exitCode = 1;
}

await main();
