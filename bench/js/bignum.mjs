// BigInt: n! by repeated multiplication, and the power sum 1^1 + 2^2 + ... + n^n.
const P = 1000000007n;

export function run(n) {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  let s = 0n;
  for (let i = 1n; i <= BigInt(n); i++) s += i ** i;
  return `{${f.toString().length},${f % P},${s.toString().length},${s % P}}`;
}
