// The Benchmarks Game's binary-trees; a leaf is null, a node a {left, right} object.
const MIN_DEPTH = 4;

function make(d) {
  return d === 0 ? null : { left: make(d - 1), right: make(d - 1) };
}

function check(t) {
  return t === null ? 1 : 1 + check(t.left) + check(t.right);
}

export function run(n) {
  const max = Math.max(MIN_DEPTH + 2, n);
  const stretch = check(make(max + 1));
  const longLived = make(max);
  let total = 0;
  for (let d = MIN_DEPTH; d <= max; d += 2) {
    const iters = 1 << (max - d + MIN_DEPTH);
    for (let i = 0; i < iters; i++) total += check(make(d));
  }
  return `{${stretch},${total},${check(longLived)}}`;
}
