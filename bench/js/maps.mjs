// A Map with n integer keys (scattered by a multiplicative hash): insert every key, look
// every key up, then update every value.
function key(i) {
  return (i * 2654435761) % 4294967296; // exact: i * 2654435761 < 2^53 for i < 2^21
}

export function run(n) {
  const keys = new Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(i + 1);
  const m = new Map();
  for (const k of keys) m.set(k, k & 1023);
  let sum1 = 0;
  for (const k of keys) sum1 += m.get(k);
  for (const k of keys) m.set(k, m.get(k) + 1);
  let sum2 = 0;
  for (const v of m.values()) sum2 += v;
  return `{${m.size},${sum1},${sum2}}`;
}
