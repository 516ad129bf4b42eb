// Takeuchi's function; sums tak(18 + i % 3, 12, 6) for i in 0..n-1.
function tak(x, y, z) {
  return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}

export function run(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += tak(18 + (i % 3), 12, 6);
  return String(acc);
}
