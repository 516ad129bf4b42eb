import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Each fixture program, compiled by the real erlc, run through `beamjs run` and compared byte
// for byte with the stdout and exit status the real `erl` produced (fixtures/expected/), once
// normally, once in the stress mode (a reduction budget of 1 and a JS depth bound of 8, so
// every call site suspends and resumes), and once as OTP 24's compiler emits it (erlc +r24:
// bs_init2/bs_put_* construction, no type information).
//
// PASSING is the ratchet of fixtures the compiler and runtime handle so far (issue 3 is in
// progress); every fixture listed must match exactly. The remaining ones are reported below.
const PASSING = new Set<string>([
  'algo_json', 'algo_misc', 'arith_bignum', 'arith_bitwise', 'arith_int', 'atoms_basic',
  'bits_comprehension', 'bits_construct', 'bits_float', 'bits_match', 'bits_utf', 'codegen_receive',
  'codegen_shapes', 'crash_uncaught', 'display_terms', 'etf_terms', 'exc_basic', 'exc_nested',
  'exc_stacktrace', 'exec_deep_body', 'exec_mutual_tail', 'float_format', 'float_ops', 'format_pretty',
  'format_strings', 'funs_closures', 'funs_higher', 'hello_basic', 'list_comprehension', 'lists_funcs',
  'maps_basic', 'maps_large', 'match_guards', 'match_patterns', 'proc_after_timeout', 'proc_after_zero',
  'proc_alias', 'proc_alive', 'proc_basic', 'proc_big_mailbox', 'proc_cancel_timer', 'proc_crash_badarith',
  'proc_crash_badmatch', 'proc_crash_bif', 'proc_crash_clause', 'proc_crash_link', 'proc_crash_throw',
  'proc_crash_undef', 'proc_demonitor', 'proc_dict', 'proc_dict_procs', 'proc_exit_custom', 'proc_exit_kill',
  'proc_exit_normal', 'proc_exit_reasons', 'proc_fifo_pair', 'proc_flags', 'proc_gen_server', 'proc_gen_server_timeout', 'proc_group_leader',
  'proc_gen_statem', 'proc_hibernate', 'proc_info_current', 'proc_info_items', 'proc_link_chain',
  'proc_link_dead', 'proc_link_races', 'proc_links', 'proc_lock_server', 'proc_mon_alias', 'proc_mon_multi',
  'proc_mon_name', 'proc_mon_reasons', 'proc_monitor', 'proc_pingpong', 'proc_pipeline', 'proc_pmap',
  'proc_pool', 'proc_preempt', 'proc_recv_try', 'proc_reg_basic', 'proc_reg_errors', 'proc_reg_exit',
  'proc_registry', 'proc_request_ref', 'proc_ring', 'proc_ring_big', 'proc_sel_bound', 'proc_sel_flush',
  'proc_sel_guards', 'proc_sel_nested', 'proc_sel_order', 'proc_sel_savepointer', 'proc_self_send',
  'proc_send_after', 'proc_send_terms', 'proc_signal_order', 'proc_sleep', 'proc_sleep_yield',
  'proc_spawn_forms', 'proc_spawn_many', 'proc_spawn_opt', 'proc_spin_timers', 'proc_start_timer',
  'proc_sup_loop', 'proc_supervisor', 'proc_time_units', 'proc_timer_order', 'proc_timer_owner',
  'proc_trap_exit', 'proc_unlink', 'proc_workers', 'records_basic', 'recursion_tail', 'strings_basic',
  'strings_unicode', 'term_order', 'tuples_basic',
]);

// The one part of erl's output that cannot repeat: the local time in the header of the
// logger's `=ERROR REPORT====` (printed when a spawned process crashes). Masked on both sides.
const normalize = (s: string) => s.replace(/^=([A-Z ]+ REPORT)==== .* ===$/gm, '=$1==== <time> ===');

const root = new URL('../fixtures/', import.meta.url).pathname;
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const all = readdirSync(`${root}erlang`)
  .filter((f) => f.endsWith('.erl'))
  .map((f) => f.slice(0, -4))
  .sort();

type Mode = 'normal' | 'stress' | 'otp24';
const LABEL: Record<Mode, string> = { normal: '', stress: ' (stress: budget 1, depth 8)', otp24: ' (compiled as OTP 24 does, erlc +r24)' };

function run(name: string, mode: Mode): Promise<{ stdout: string; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const dir = mode === 'otp24' ? 'beam-r24' : 'beam';
    const args = [cli, 'run', `${root}${dir}/${name}.beam`, ...(mode === 'stress' ? ['--stress'] : [])];
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (b) => out.push(b));
    p.stderr.on('data', (b) => err.push(b));
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('latin1'), status, stderr: Buffer.concat(err).toString() });
    });
  });
}

// An OTP 24 build may print other stack traces; the pipeline then records erl's output for it
// in NAME.r24.stdout.
const expected = (name: string, mode: Mode = 'normal') => ({
  stdout: readFileSync(
    mode === 'otp24' && existsSync(`${root}expected/${name}.r24.stdout`) ? `${root}expected/${name}.r24.stdout` : `${root}expected/${name}.stdout`,
  ).toString('latin1'),
  status: Number(readFileSync(`${root}expected/${name}.status`, 'utf8').trim()),
});

describe('fixtures compared with erl', () => {
  for (const name of all.filter((n) => PASSING.has(n))) {
    for (const mode of ['normal', 'stress', 'otp24'] as const) {
      it(`${name}${LABEL[mode]}`, async () => {
        const want = expected(name, mode);
        const got = await run(name, mode);
        expect(normalize(got.stdout), got.stderr).toBe(normalize(want.stdout));
        expect(got.status, got.stderr).toBe(want.status);
      });
    }
  }

  it('lists only fixtures that exist, and reports the rest', async () => {
    for (const n of PASSING) expect(all).toContain(n);
    const rest = all.filter((n) => !PASSING.has(n));
    const now: string[] = [];
    for (const name of rest) {
      const want = expected(name);
      const got = await run(name, 'normal');
      if (normalize(got.stdout) === normalize(want.stdout) && got.status === want.status) now.push(name);
    }
    console.log(`fixtures: ${PASSING.size} of ${all.length} in the ratchet; also passing now: ${now.join(' ') || 'none'}`);
  }, 600_000);
});
