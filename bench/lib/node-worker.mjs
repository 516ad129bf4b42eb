// Times one benchmark in this Node process, for bench/run.mjs.
//   node bench/lib/node-worker.mjs '{"impl":"beamjs"|"js", "file":..., "module":..., "n":..., ...}'
// `file` is the compiled .beam (beamjs) or the handwritten .mjs (js). Prints one line,
// `BENCH_RESULT {json}`, on stdout: {ok, bestMs, medianMs, runs, checksum} or {ok:false, error}.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { timeRuns } from './timing.mjs';

const MARK = 'BENCH_RESULT ';
const ROOT = new URL('../../', import.meta.url);

function report(result) {
  process.stdout.write(`\n${MARK}${JSON.stringify(result)}\n`);
}

function firstLine(s) {
  return String(s).split('\n').find((l) => l.trim() !== '')?.trim() ?? String(s);
}

/** Loads the module through the project's runtime; returns a `() => checksum string`. */
async function beamjsRunner(cfg) {
  const dist = (p) => new URL(`dist/runtime/${p}`, ROOT).href;
  let sys, print, crash;
  try {
    sys = await import(dist('system.js'));
    print = await import(dist('term/print.js'));
    crash = await import(dist('report.js'));
  } catch (e) {
    throw new Error(`cannot load the beamjs runtime from dist/ (run npm run build): ${firstLine(e.message)}`);
  }
  const mod = sys.loadBeamFile(resolve(cfg.file)).name;
  sys.addOtpLibraries();
  return async () => {
    const out = await sys.runEntry(mod, 'run', [cfg.n]);
    if (out.kind === 'value') return print.formatTerm(out.value);
    if (out.kind === 'exception') {
      // "** exception error: undef" + "     in function  erlang:'+'/2" -> "undef in erlang:'+'/2"
      // (the class is kept when it is throw or exit: "exit:normal in ...").
      const lines = crash.crashReport(out.exception).split('\n');
      let msg = lines[0].replace(/^\*\* exception /, '').replace(/^error: /, '').replace(/^(throw|exit): /, '$1:');
      const where = /in function\s+(\S+)/.exec(lines[1] ?? '');
      if (where) msg += ` in ${where[1]}`;
      throw new Error(msg);
    }
    throw new Error(`internal error: ${out.error.message}`);
  };
}

async function jsRunner(cfg) {
  const m = await import(pathToFileURL(resolve(cfg.file)).href);
  return () => String(m.run(cfg.n));
}

async function main() {
  const cfg = JSON.parse(process.argv[2]);
  let runner;
  try {
    runner = cfg.impl === 'beamjs' ? await beamjsRunner(cfg) : await jsRunner(cfg);
  } catch (e) {
    return report({ ok: false, error: firstLine(e.message ?? e) });
  }
  const clock = () => Number(process.hrtime.bigint()) / 1e6;
  try {
    report({ ok: true, ...(await timeRuns(runner, clock, cfg)) });
  } catch (e) {
    report({ ok: false, error: firstLine(e instanceof Error ? e.message : e) });
  }
}

await main();
