/**
 * The V8 settings beamjs runs best with. Erlang programs allocate short- and medium-lived
 * terms at a high rate (the BEAM gives each process its own generational heap); V8's default
 * young generation (16 MB semi-spaces on 64-bit) promotes much of that to the old generation,
 * whose collections then dominate: a 64 MB semi-space cut nrev from ~650 to ~415 ms and qsort
 * from ~500 to ~380 ms (docs/performance.md). V8 reads these flags only at start-up, so the
 * `beamjs` command restarts Node with them (cli/main.ts) and an embedding host passes them
 * to `node` itself.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Whether this Node process was started with every flag of NODE_FLAGS (or chose its own). */
export function hasNodeFlags(execArgv: readonly string[] = process.execArgv): boolean {
  return NODE_FLAGS.every((f) => {
    const name = f.split('=')[0];
    return execArgv.some((a) => a === f || a.startsWith(`${name}=`) || a === name);
  });
}
