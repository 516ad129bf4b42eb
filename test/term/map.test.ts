// The map representation's own properties: persistence, the small/large boundary both ways,
// layout independent of history, term order, merge, from_list, and big maps.
import { describe, expect, it } from 'vitest';
import { atom } from '../../runtime/term/atom.js';
import { binaryFromString } from '../../runtime/term/binary.js';
import { compare, equal, exactEqual, mapKeyCompare } from '../../runtime/term/compare.js';
import { formatDisplay } from '../../runtime/term/display.js';
import { float } from '../../runtime/term/float.js';
import { Pid, Ref } from '../../runtime/term/identity.js';
import { ErlMap } from '../../runtime/term/map.js';
import { EMPTY_MAP, makeMap } from '../../runtime/term/mapbuild.js';
import { mapGet, mapMerge, mapPutPairs, mapRemove, mapUpdatePairs } from '../../runtime/term/mapops.js';
import type { Term } from '../../runtime/term/term.js';
import { mulberry32 } from '../vectors/load.js';

const put = (m: ErlMap, k: Term, v: Term) => mapPutPairs(m, [k, v]);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const fromKeys = (ks: Term[], v: (k: Term) => Term = (k) => k) => makeMap(ks.map((k) => [k, v(k)]));
const shuffled = <T>(xs: T[], seed: number) => {
  const r = mulberry32(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const sortedKeys = (m: ErlMap) => [...m.keys].sort(mapKeyCompare);

describe('persistence', () => {
  it('puts, updates and removes leave every earlier version unchanged', () => {
    const versions: ErlMap[] = [EMPTY_MAP];
    for (const k of shuffled(range(1, 300), 1)) versions.push(put(versions[versions.length - 1], k, k * 10));
    const updated = mapUpdatePairs(versions[300], [7, 'x' as unknown as Term, 250, -1]) as ErlMap;
    let removed = versions[300];
    for (const k of range(1, 290)) removed = mapRemove(removed, k);
    versions.forEach((m, n) => {
      expect(m.size).toBe(n);
      // Exactly the first n keys of the insertion order are present, with their values.
      let present = 0;
      for (const k of range(1, 300)) {
        const v = mapGet(m, k);
        if (v !== undefined) (present++, expect(v).toBe(k * 10));
      }
      expect(present).toBe(n);
    });
    expect(mapGet(versions[300], 7)).toBe(70);
    expect(mapGet(updated, 7)).toBe('x');
    expect(mapGet(updated, 250)).toBe(-1);
    expect(removed.size).toBe(10);
    expect(mapGet(versions[300], 1)).toBe(10);
  });

  it('an update to the same value returns the same map', () => {
    const big = fromKeys(range(1, 100));
    expect(mapPutPairs(big, [5, 5])).toBe(big);
    expect(mapUpdatePairs(big, [5, 5])).toBe(big);
    const small = fromKeys(range(1, 10));
    expect(mapPutPairs(small, [5, 5])).toBe(small);
  });

  it("a small map's value update shares the sorted keys (no re-sort)", () => {
    const small = fromKeys(range(1, 20));
    const a = mapPutPairs(small, [3, 'three' as unknown as Term]);
    const b = mapUpdatePairs(small, [4, 'four' as unknown as Term]) as ErlMap;
    expect(a.keys).toBe(small.keys);
    expect(b.keys).toBe(small.keys);
    expect(mapGet(a, 3)).toBe('three');
    expect(mapGet(small, 3)).toBe(3);
  });
});

describe('the 32-key boundary', () => {
  it('a map is large exactly when it has more than 32 keys, growing and shrinking', () => {
    let m = EMPTY_MAP;
    for (const k of range(1, 40)) {
      m = put(m, k, k);
      expect(m.root !== undefined).toBe(m.size > 32);
    }
    for (const k of shuffled(range(1, 40), 2)) {
      m = mapRemove(m, k);
      expect(m.root !== undefined).toBe(m.size > 32);
      if (m.root === undefined) expect(m.keys).toEqual(sortedKeys(m)); // small maps stay sorted
    }
    expect(m.size).toBe(0);
  });

  it('several new keys at once cross the boundary in one instruction', () => {
    const m = mapPutPairs(fromKeys(range(1, 30)), range(31, 40).flatMap((k) => [k, k]));
    expect(m.size).toBe(40);
    expect(m.root).toBeDefined();
    expect(exactEqual(m, fromKeys(range(1, 40)))).toBe(true);
  });

  it('removing to 32 gives the same small map as building it directly', () => {
    const shrunk = mapRemove(fromKeys(range(1, 33)), 17);
    const direct = fromKeys(range(1, 33).filter((k) => k !== 17));
    expect(shrunk.root).toBeUndefined();
    expect(shrunk.keys).toEqual(direct.keys);
    expect(exactEqual(shrunk, direct)).toBe(true);
  });

  it('update of a missing key reports it, small and large', () => {
    expect(mapUpdatePairs(fromKeys(range(1, 5)), [1, 0, 9, 0])).toEqual({ missing: 9 });
    expect(mapUpdatePairs(fromKeys(range(1, 50)), [1, 0, 99, 0])).toEqual({ missing: 99 });
  });
});

describe('layout and equality', () => {
  it('insertion order does not matter: same layout, order and display', () => {
    const keys: Term[] = [...range(-200, 200), ...range(1, 50).map((i) => float(i / 3)), ...range(1, 30).map((i) => [i, atom('t')])];
    const a = fromKeys(keys);
    let b = EMPTY_MAP;
    for (const k of shuffled(keys, 3)) b = put(b, k, k);
    // Extra keys added and removed again on the way.
    let c = fromKeys([...keys, ...range(1000, 1300)]);
    for (const k of shuffled(range(1000, 1300), 4)) c = mapRemove(c, k);
    for (const m of [b, c]) {
      expect(exactEqual(a, m)).toBe(true);
      expect(compare(a, m)).toBe(0);
      expect(m.keys).toEqual(a.keys);
      expect(formatDisplay(m)).toBe(formatDisplay(a));
    }
  });

  it('1 and 1.0 are different keys; 0.0 and -0.0 are one key (OTP 25)', () => {
    const m = fromKeys([...range(1, 40), ...range(1, 40).map((i) => float(i))]);
    expect(m.size).toBe(80);
    expect(mapGet(m, 3)).toBe(3);
    expect(mapGet(m, float(3))).toEqual(float(3));
    expect(mapGet(m, float(41))).toBeUndefined();
    const z = put(fromKeys(range(1, 40)), float(0), 'pos' as unknown as Term);
    expect(put(z, float(-0), 'neg' as unknown as Term).size).toBe(41);
    expect(mapGet(z, float(-0))).toBe('pos');
  });

  it('maps compare by size, then keys in term order, then values in key order', () => {
    const base = fromKeys(range(1, 100), () => 0);
    // Two keys whose iteration order is the reverse of their term order.
    const ks = base.keys as number[];
    const i = ks.findIndex((k, n) => n > 0 && k < ks[n - 1]);
    const [late, early] = [ks[i], ks[i - 1]]; // late < early, but iterated after it
    const x = mapPutPairs(base, [late, 1]);
    const y = mapPutPairs(base, [early, 1]);
    expect(compare(x, y)).toBe(1); // decided at `late`, the smaller key
    expect(compare(y, x)).toBe(-1);
    // Keys before values: a smaller key set wins whatever the values.
    const fewer = mapPutPairs(mapRemove(base, 100), [101, -5]);
    expect(compare(fewer, base)).toBe(1);
    expect(compare(fromKeys(range(1, 39)), fromKeys(range(1, 40)))).toBe(-1); // size first
    // Integer keys sort before float keys; values compare with == inside ==.
    const ints = fromKeys(range(1, 40), () => 1);
    const withFloat = mapRemove(mapPutPairs(ints, [float(1), 1]), 40);
    expect(compare(ints, withFloat)).toBe(-1);
    const floatVals = fromKeys(range(1, 40), () => float(1));
    expect(equal(ints, floatVals)).toBe(true);
    expect(exactEqual(ints, floatVals)).toBe(false);
  });
});

describe('merge and from_list', () => {
  it('merge takes the right map on conflicts, in every size combination', () => {
    const cases: [number[], number[]][] = [
      [range(1, 10), range(5, 15)],
      [range(1, 20), range(15, 40)],
      [range(1, 100), range(90, 110)],
      [range(90, 110), range(1, 100)],
      [range(1, 500), range(250, 1000)],
      [[], range(1, 50)],
      [range(1, 50), []],
    ];
    for (const [ka, kb] of cases) {
      const a = fromKeys(ka, () => atom('a'));
      const b = fromKeys(kb, () => atom('b'));
      const m = mapMerge(a, b);
      const want = fromKeys([...new Set([...ka, ...kb])], (k) => (kb.includes(k as number) ? atom('b') : atom('a')));
      expect(exactEqual(m, want)).toBe(true);
      expect(m.keys).toEqual(want.keys);
      expect(m.root !== undefined).toBe(m.size > 32);
    }
  });

  it('merge keeps the right-hand key of two =:= keys', () => {
    const z = float(0);
    const nz = float(-0);
    const small = mapMerge(makeMap([[z, 1]]), makeMap([[nz, 2]]));
    expect(small.keys[0]).toBe(nz);
    const large = mapMerge(fromKeys([z, ...range(1, 40)]), makeMap([[nz, 2]]));
    expect(large.keys.includes(nz)).toBe(true);
    const largeRight = mapMerge(makeMap([[nz, 2]]), fromKeys([z, ...range(1, 40)]));
    expect(largeRight.keys.includes(z)).toBe(true);
    expect(mapGet(largeRight, z)).toBe(z);
  });

  it('from_list: the last of equal keys wins, small and large', () => {
    for (const n of [10, 32, 33, 200]) {
      const pairs: [Term, Term][] = [];
      for (let round = 0; round < 3; round++) for (const k of range(1, n)) pairs.push([k, round * 1000 + k]);
      const m = makeMap(shuffled(pairs, n).sort((p, q) => (p[1] as number) - (q[1] as number)));
      expect(m.size).toBe(n);
      for (const k of range(1, n)) expect(mapGet(m, k)).toBe(2000 + k);
    }
    // 40 pairs but only 20 keys: a small map.
    const dup = makeMap([...range(1, 20), ...range(1, 20)].map((k, i) => [k, i]));
    expect(dup.size).toBe(20);
    expect(dup.root).toBeUndefined();
    expect(mapGet(dup, 1)).toBe(20);
  });
});

describe('big maps', () => {
  it('100,000 keys: built one put at a time, looked up, half removed', () => {
    const keys = shuffled(range(0, 99_999).map((i) => (i * 2654435761) % 4294967296), 5);
    let m = EMPTY_MAP;
    for (const k of keys) m = put(m, k, k & 1023);
    expect(m.size).toBe(100_000);
    for (const k of keys) expect(mapGet(m, k)).toBe(k & 1023);
    expect(mapGet(m, 1)).toBeUndefined();
    const direct = fromKeys(keys, (k) => (k as number) & 1023);
    expect(m.keys).toEqual(direct.keys);
    let half = m;
    for (const k of keys.slice(0, 50_000)) half = mapRemove(half, k);
    expect(half.size).toBe(50_000);
    const halfDirect = fromKeys(keys.slice(50_000), (k) => (k as number) & 1023);
    expect(exactEqual(half, halfDirect)).toBe(true);
    expect(half.keys).toEqual(halfDirect.keys); // removals collapse to the layout of a fresh build
    expect(m.size).toBe(100_000);
  });

  it('removals down to a few keys leave the layout a fresh build has, display included', () => {
    const keys: Term[] = [...range(0, 2999).map((i) => (i * 2654435761) % 4294967296), ...range(1, 40).map((i) => float(i))];
    let m = fromKeys(keys);
    const order = shuffled(keys, 9);
    for (let n = 0; n < order.length - 33; n++) {
      m = mapRemove(m, order[n]);
      if (n % 97 === 0 || n > order.length - 40) {
        const direct = fromKeys(order.slice(n + 1));
        expect(formatDisplay(m)).toBe(formatDisplay(direct));
        expect(m.keys).toEqual(direct.keys);
      }
    }
    expect(m.root).toBeDefined();
    expect(mapRemove(m, order[order.length - 33]).root).toBeUndefined();
  });

  it('keys whose 32-bit hashes collide (found by search) live at depth 8 and below', () => {
    // 40660 and 59671 share all 32 bits of their depth-0 hash; the layouts are erl's.
    const m = fromKeys([40660, 59671, ...range(0, 30)]);
    expect(mapGet(m, 40660)).toBe(40660);
    expect(mapGet(m, 59671)).toBe(59671);
    expect(formatDisplay(m)).toContain('<8>{<100>{<1>{<20>{<4000>{<80>{<800>{<6>{[59671|59671],[40660|40660]}');
    const one = mapRemove(fromKeys([40660, 59671, ...range(0, 40)]), 59671);
    expect(mapGet(one, 40660)).toBe(40660);
    expect(mapGet(one, 59671)).toBeUndefined();
    expect(formatDisplay(one)).toContain('<a>{[31|31],[40660|40660]}'); // moved back up
  });

  it('distinct keys with identical hashes at every depth share a collision node', () => {
    // OTP hashes a local ref by its numbers only, so refs of two nodes with equal numbers
    // collide all the way down.
    const refs = ['a@h', 'b@h', 'c@h'].map((n) => new Ref(atom(n), 1, [7, 8, 9]));
    let m = fromKeys(range(1, 40));
    for (const r of refs) m = put(m, r, r);
    expect(m.size).toBe(43);
    for (const r of refs) expect(mapGet(m, r)).toBe(r);
    expect(mapGet(m, new Ref(atom('d@h'), 1, [7, 8, 9]))).toBeUndefined();
    expect(put(m, refs[1], refs[1])).toBe(m);
    const fewer = mapRemove(m, refs[0]);
    expect(fewer.size).toBe(42);
    expect(mapGet(fewer, refs[0])).toBeUndefined();
    expect(mapGet(fewer, refs[2])).toBe(refs[2]);
    const one = mapRemove(fewer, refs[2]);
    expect(mapGet(one, refs[1])).toBe(refs[1]);
    expect(exactEqual(one, put(fromKeys(range(1, 40)), refs[1], refs[1]))).toBe(true);
    expect(formatDisplay(one)).toBe(formatDisplay(put(fromKeys(range(1, 40)), refs[1], refs[1])));
    // Pids and ports mix in their node, so these do not collide.
    const pids = ['a@h', 'b@h'].map((n) => new Pid(atom(n), 5, 0, 1));
    const withPids = mapPutPairs(m, [pids[0], 1, pids[1], 2]);
    expect(mapGet(withPids, pids[0])).toBe(1);
    expect(mapGet(withPids, pids[1])).toBe(2);
  });
});

describe('small-map lookups by identity and by the fast comparisons', () => {
  it('mixed keys against a model: integers vs floats, bigints, atoms, tuples, binaries', () => {
    const pool: Term[] = [
      0, 1, -1, 2, 31, 2 ** 40, -(2 ** 53) + 1, 2n ** 64n, -(2n ** 70n),
      float(0), float(1), float(-1), float(2.5),
      atom('a'), atom('b'), atom('ab'), atom('é'), atom('z'),
      [1, 2], [1, atom('a')], [], binaryFromString('k'), binaryFromString('kk'),
    ];
    // Equal but not identical copies: found by comparison, not identity.
    const copies = (k: Term): Term =>
      typeof k === 'bigint' ? BigInt(k.toString()) : Array.isArray(k) ? [...k] : k;
    const r = mulberry32(11);
    let m = EMPTY_MAP;
    const model: [Term, Term][] = [];
    for (let step = 0; step < 3000; step++) {
      const k = pool[Math.floor(r() * pool.length)];
      const probe = r() < 0.5 ? copies(k) : k;
      const op = r();
      const at = model.findIndex(([mk]) => exactEqual(mk, probe));
      if (op < 0.5) {
        m = put(m, probe, step);
        if (at >= 0) model[at][1] = step;
        else model.push([probe, step]);
      } else if (op < 0.7) {
        const u = mapUpdatePairs(m, [probe, -step]);
        expect(u instanceof ErlMap).toBe(at >= 0);
        if (u instanceof ErlMap) (m = u), (model[at][1] = -step);
      } else if (op < 0.85) {
        m = mapRemove(m, probe);
        if (at >= 0) model.splice(at, 1);
      }
      expect(mapGet(m, probe)).toBe(model.find(([mk]) => exactEqual(mk, probe))?.[1]);
      expect(m.size).toBe(model.length);
      expect(m.root).toBeUndefined();
      expect(m.keys).toEqual(sortedKeys(m));
    }
    // 1 and 1.0, 0 and 0.0 stay apart.
    const ints = fromKeys([1, 0, float(1), float(0)]);
    expect(ints.size).toBe(4);
    expect(mapGet(ints, 1)).toBe(1);
    expect(exactEqual(mapGet(ints, float(1))!, float(1))).toBe(true);
  });
});
