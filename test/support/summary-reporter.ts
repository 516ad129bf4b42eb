import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/** Ends the run with the plain line CI reads: `Tests: N passed, N failed[, N skipped]`. */
export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = []): void {
    const n = { pass: 0, fail: 0, skip: 0 };
    const walk = (t: Task) => {
      if (t.tasks) t.tasks.forEach(walk);
      if (t.type !== 'test') return;
      const state = t.result?.state;
      if (state === 'pass') n.pass++;
      else if (state === 'fail') n.fail++;
      else n.skip++;
    };
    files.forEach(walk);
    // A file that failed to load has no test results: count it as one failure.
    const failedFiles = files.filter((f) => f.result?.state === 'fail' && !(f.tasks ?? []).length).length;
    const skipped = n.skip > 0 ? `, ${n.skip} skipped` : '';
    process.stdout.write(`\nTests: ${n.pass} passed, ${n.fail + failedFiles} failed${skipped}\n`);
  }
}
