// In-place quicksort (first element as pivot, as in the Erlang version) of n MINSTD
// pseudo-random integers, then a polynomial hash of the sorted array.
function quicksort(a, lo, hi) {
  while (lo < hi) {
    const p = a[lo];
    // Lomuto partition around a[lo]: a[lo+1..m] < p, a[m+1..i-1] >= p.
    let m = lo;
    for (let i = lo + 1; i <= hi; i++) {
      if (a[i] < p) {
        m++;
        const t = a[m];
        a[m] = a[i];
        a[i] = t;
      }
    }
    a[lo] = a[m];
    a[m] = p;
    // Recurse into the smaller side, loop on the larger.
    if (m - lo < hi - m) {
      quicksort(a, lo, m - 1);
      lo = m + 1;
    } else {
      quicksort(a, m + 1, hi);
      hi = m - 1;
    }
  }
}

export function run(n) {
  // The Erlang version conses onto a list, so its list is the sequence reversed.
  const a = new Int32Array(n);
  let x = 42;
  for (let i = n - 1; i >= 0; i--) {
    x = (x * 16807) % 2147483647;
    a[i] = x;
  }
  quicksort(a, 0, n - 1);
  let h = 0;
  for (let i = 0; i < n; i++) h = (h * 31 + a[i]) % 1000000007;
  return String(h);
}
