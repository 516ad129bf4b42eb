import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Each fixture program, compiled by the real erlc, run through `beamjs run` and compared byte
// for byte with the stdout and exit status the real `erl` produced (fixtures/expected/), once
// normally, once in the stress mode (a reduction budget of 1 and a JS depth bound of 8, so
// every call site suspends and resumes), and once as OTP 24's compiler emits it (erlc +r24:
// bs_init2/bs_put_* construction, no type information).
//
// PASSING is the ratchet of fixtures the compiler and runtime handle so far, one line per area;
// every fixture listed must match exactly. The remaining ones are reported below.
const PASSING = new Set<string>([
  'algo_bank', 'algo_base_conv', 'algo_bf', 'algo_bigpi', 'algo_combinatorics', 'algo_dp',
  'algo_graph', 'algo_huffman', 'algo_intervals', 'algo_json', 'algo_knights', 'algo_lexer',
  'algo_life', 'algo_matrix', 'algo_misc', 'algo_nqueens', 'algo_primes', 'algo_queue_sim',
  'algo_rational', 'algo_roman_rle', 'algo_rpn', 'algo_sorting', 'algo_stats', 'algo_sudoku',
  'algo_trie_json', 'algo_wordfreq',
  'arith_algorithms', 'arith_badarith', 'arith_bignum', 'arith_bignum_bitwise', 'arith_bitwise',
  'arith_boundaries', 'arith_conversions', 'arith_divrem_signs', 'arith_factorial', 'arith_gcd_lcm',
  'arith_int', 'arith_int_bases', 'arith_mixed', 'arith_pow_table', 'arith_shifts',
  'atoms_basic', 'atoms_dynamic', 'atoms_quoting', 'atoms_unicode',
  'base64_calendar',
  'binary_module',
  'bits_append_loop', 'bits_badmatch', 'bits_bigints', 'bits_bitstring', 'bits_comp_nested',
  'bits_comprehension', 'bits_construct', 'bits_dynamic', 'bits_endian', 'bits_float',
  'bits_float_parse', 'bits_hex_base', 'bits_match', 'bits_match_strings', 'bits_protocols',
  'bits_signed', 'bits_unit', 'bits_utf', 'bits_utf_errors',
  'codegen_shapes',
  'comp_bits_more', 'comp_lists',
  'control_flow',
  'conv_binary_list', 'conv_list_to_int', 'conv_terms',
  'crash_uncaught',
  'display_misc', 'display_numbers', 'display_terms',
  'etf_encoding', 'etf_roundtrip', 'etf_terms',
  'exc_after', 'exc_badarg_bifs2', 'exc_bif_reasons', 'exc_catch_in_guards_funs', 'exc_catch_values',
  'exc_classes', 'exc_clauses', 'exc_deep_unwind', 'exc_error_args', 'exc_exit_values', 'exc_guards',
  'exc_nested', 'exc_nested_deep', 'exc_raise', 'exc_stack_shapes', 'exc_stacktrace',
  'exc_system_limit', 'exc_throw_values', 'exc_try_of', 'exc_undef',
  'exec_deep_body', 'exec_mutual_tail',
  'float_bits', 'float_compare', 'float_format', 'float_math', 'float_ops', 'float_overflow',
  'float_parse', 'float_rounding', 'float_shortest', 'float_sum_precision', 'float_to_list_opts',
  'format_columns', 'format_depth', 'format_errors', 'format_floats', 'format_ints', 'format_p_layout',
  'format_p_maps_records', 'format_p_strings', 'format_pretty', 'format_strings', 'format_text',
  'format_unicode',
  'funs_capture', 'funs_closures', 'funs_data', 'funs_errors', 'funs_external', 'funs_higher',
  'funs_info', 'funs_recursive',
  'gb_trees_ops',
  'guards_bifs', 'guards_logic', 'guards_records_maps', 'guards_types',
  'hello_basic',
  'io_lib_chars', 'io_lib_misc',
  'list_comprehension',
  'lists_big', 'lists_errors', 'lists_fold_variants', 'lists_funcs', 'lists_keyops', 'lists_more',
  'lists_sorting',
  'maps_basic', 'maps_errors', 'maps_fold_order', 'maps_funcs', 'maps_large', 'maps_large_sorted',
  'maps_nested_data', 'maps_patterns', 'maps_small_order', 'maps_update',
  'match_aliases', 'match_guards', 'match_patterns',
  'ordsets_gbsets',
  'proplists_orddict',
  'queue_array',
  'records_basic', 'records_defaults', 'records_errors', 'records_nested', 'records_update_many',
  'recursion_accumulate', 'recursion_loops', 'recursion_mutual_deep', 'recursion_tail',
  'string_classic', 'string_modern',
  'strings_basic', 'strings_ops', 'strings_unicode', 'strings_unicode_funcs',
  'term_deep_compare', 'term_equality', 'term_order', 'term_order_mixed',
  'tuples_basic', 'tuples_bifs',
  'unicode_conv', 'unicode_normalize',
]);

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

const expected = (name: string) => ({
  stdout: readFileSync(`${root}expected/${name}.stdout`).toString('latin1'),
  status: Number(readFileSync(`${root}expected/${name}.status`, 'utf8').trim()),
});

describe('fixtures compared with erl', () => {
  for (const name of all.filter((n) => PASSING.has(n))) {
    for (const mode of ['normal', 'stress', 'otp24'] as const) {
      it(`${name}${LABEL[mode]}`, async () => {
        const want = expected(name);
        const got = await run(name, mode);
        expect(got.stdout, got.stderr).toBe(want.stdout);
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
      if (got.stdout === want.stdout && got.status === want.status) now.push(name);
    }
    console.log(`fixtures: ${PASSING.size} of ${all.length} in the ratchet; also passing now: ${now.join(' ') || 'none'}`);
  }, 600_000);
});
