// Counts the points of an n x n grid over [-1.5, 0.5] x [-1, 1] that stay bounded for 50
// iterations.
const ITER = 50;

export function run(n) {
  let count = 0;
  for (let y = 0; y < n; y++) {
    const ci = (2.0 * y) / n - 1.0;
    for (let x = 0; x < n; x++) {
      const cr = (2.0 * x) / n - 1.5;
      let zr = 0.0;
      let zi = 0.0;
      let i = 0;
      for (; i < ITER; i++) {
        const tr = zr * zr;
        const ti = zi * zi;
        if (tr + ti > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
      }
      if (i === ITER) count++;
    }
  }
  return String(count);
}
