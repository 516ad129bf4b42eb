/**
 * The V8 settings beamjs runs best with. Erlang programs allocate short- and medium-lived
 * terms at a high rate (the BEAM gives each process its own generational heap); V8's default
 * young generation (16 MB semi-spaces on 64-bit) promotes much of that to the old generation,
 * whose collections then dominate: a 64 MB semi-space cut nrev from ~650 to ~415 ms and qsort
 * from ~500 to ~380 ms (docs/execution-model.md). V8 reads these flags only at start-up: the
 * `beamjs` command's `#!` line passes them (cli/main.ts), and whoever starts `node` on
 * beamjs code directly (an embedding host, the benchmarks) passes them itself. Restarting
 * Node from the CLI instead cost 150–200 ms per run.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
