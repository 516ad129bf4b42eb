// The measuring loop shared by the Node workers (the erl harness in run.mjs does the same):
// `warmup` untimed runs, then timed runs until at least `minRuns` and either `budgetMs` of
// timed work or `maxRuns`. Every run's checksum must equal the first one's. `run` may return a
// promise (beamjs runs an entry on its scheduler).
export async function timeRuns(run, clock, { warmup, minRuns, maxRuns, budgetMs }) {
  let checksum;
  const check = (c) => {
    if (checksum === undefined) checksum = c;
    else if (c !== checksum) throw new Error(`checksum changed between runs: ${checksum} then ${c}`);
  };
  for (let i = 0; i < warmup; i++) check(await run());
  const times = [];
  let total = 0;
  while (times.length < minRuns || (total < budgetMs && times.length < maxRuns)) {
    const t0 = clock();
    const c = await run();
    const dt = clock() - t0;
    check(c);
    times.push(dt);
    total += dt;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    bestMs: sorted[0],
    medianMs: sorted[Math.floor(sorted.length / 2)],
    runs: times.length,
    checksum,
  };
}
