// Runs the erl-generated BIF vectors (test/vectors/numbers.json, scripts/gen-number-vectors.mjs)
// against our native implementations.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { ErlangException } from '../../runtime/exception.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { Atom } from '../../runtime/term/atom.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { list } from '../../runtime/term/list.js';
import { formatTerm } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';
import { canonical } from '../support/canonical.js';

interface Group {
  fn: string;
  cases: [number[], string][];
}
interface NumberVectors {
  otp: string;
  sources: string[];
  values: string[];
  groups: Group[];
}

const path = fileURLToPath(new URL('../vectors/numbers.json', import.meta.url));
export const numberVectors: NumberVectors = JSON.parse(readFileSync(path, 'utf8'));

const decoded = new Map<number, Term>();
export function value(i: number): Term {
  let t = decoded.get(i);
  if (t === undefined) {
    t = decodeExternal(Buffer.from(numberVectors.values[i], 'base64'));
    decoded.set(i, t);
  }
  return t;
}

/** "erlang:'+'/2" -> ['erlang', '+', 2] */
export function parseFn(fn: string): [string, string, number] {
  const m = /^(\w+):'?(.+?)'?\/(\d+)$/.exec(fn);
  if (!m) throw new Error(`bad fn ${fn}`);
  return [m[1], m[2], Number(m[3])];
}

export function groupsOf(pred: (module: string, name: string) => boolean): Group[] {
  return numberVectors.groups.filter((g) => {
    const [m, f] = parseFn(g.fn);
    return pred(m, f);
  });
}

/** Distance in units in the last place between two doubles of the same sign. */
export function ulps(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.sign(a) !== Math.sign(b)) return Infinity;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, Math.abs(a));
  buf.setFloat64(8, Math.abs(b));
  return Math.abs(Number(buf.getBigUint64(0) - buf.getBigUint64(8)));
}

export interface GroupResult {
  failures: string[];
  /** Float results within `ulpTolerance` but not identical. */
  inexact: number;
  total: number;
}

/**
 * Runs every case of a group: results must be identical (floats bit for bit, unless within
 * ulpTolerance), errors must have the same reason and carry the argument list.
 */
export function runGroup(g: Group, opts: { ulpTolerance?: number; checkArgs?: boolean } = {}): GroupResult {
  const [m, f, arity] = parseFn(g.fn);
  const bif = lookupBif(m, f, arity);
  if (!bif) return { failures: [`${g.fn} is not defined`], inexact: 0, total: g.cases.length };
  const tol = opts.ulpTolerance ?? 0;
  const failures: string[] = [];
  let inexact = 0;
  for (const [idx, want] of g.cases) {
    const args = idx.map(value);
    const call = () => `${m}:${f}(${args.map((a) => formatTerm(a)).join(', ')}) [${idx.map((i) => numberVectors.sources[i]).join(' ; ')}]`;
    let got: Term | undefined;
    let err: unknown;
    try {
      got = bif(...args);
    } catch (e) {
      err = e;
    }
    if (want.startsWith('!')) {
      const reason = want.slice(1);
      if (!(err instanceof ErlangException)) {
        failures.push(`${call()}: want error ${reason}, got ${err === undefined ? formatTerm(got!) : String(err)}`);
      } else if (formatTerm(err.reason) !== reason) {
        failures.push(`${call()}: want error ${reason}, got error ${formatTerm(err.reason)}`);
      } else if (opts.checkArgs !== false && (err.args === undefined || canonical(list(err.args)) !== canonical(list(args)))) {
        failures.push(`${call()}: error ${reason} without the argument list (${err.args ? formatTerm(list(err.args)) : 'none'})`);
      }
      continue;
    }
    const expected = decodeExternal(Buffer.from(want, 'base64'));
    if (err !== undefined) {
      failures.push(`${call()}: want ${formatTerm(expected)}, got ${err instanceof ErlangException ? 'error ' + formatTerm(err.reason) : String(err)}`);
      continue;
    }
    if (canonical(got!) === canonical(expected)) continue;
    if (tol > 0 && got instanceof ErlFloat && expected instanceof ErlFloat && ulps(got.value, expected.value) <= tol) {
      inexact++;
      continue;
    }
    failures.push(`${call()}: want ${show(expected)}, got ${show(got!)}`);
  }
  return { failures, inexact, total: g.cases.length };
}

function show(t: Term): string {
  if (t instanceof ErlFloat) return `${formatTerm(t)} (${t.value})`;
  if (t instanceof Atom) return formatTerm(t);
  const s = formatTerm(t, { strings: true });
  return s.length > 300 ? s.slice(0, 300) + '...' : s;
}
