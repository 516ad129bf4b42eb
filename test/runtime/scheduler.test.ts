import { describe, expect, it } from 'vitest';
import { addOtpLibraries, loadBeamFile, runEntry } from '../../runtime/system.js';
import { setStdoutSink } from '../../runtime/io/stdout.js';

// The scheduler shares the thread with its host: Erlang code that never stops must not starve
// Node's event loop (timers, I/O, promises of the embedding service), and a runtime with
// nothing to do must not use the CPU.
const beam = (name: string) => new URL(`../../fixtures/beam/${name}.beam`, import.meta.url).pathname;

async function capture(run: () => Promise<unknown>): Promise<{ out: string; result: unknown }> {
  const chunks: Uint8Array[] = [];
  setStdoutSink((b) => chunks.push(b));
  try {
    const result = await run();
    return { out: Buffer.concat(chunks).toString('latin1'), result };
  } finally {
    setStdoutSink(undefined);
  }
}

describe('scheduler and the event loop', () => {
  addOtpLibraries();

  it('keeps timers, other processes and the host running while a process loops forever', async () => {
    loadBeamFile(beam('proc_spin_timers'));
    let hostTicks = 0;
    const interval = setInterval(() => hostTicks++, 1);
    const started = performance.now();
    const { out, result } = await capture(() => runEntry('proc_spin_timers', 'main', []));
    clearInterval(interval);
    const elapsed = performance.now() - started;
    expect((result as { kind: string }).kind).toBe('value');
    expect(out).toContain('timer fired while a process spins\n');
    expect(out).toContain('spinner alive: true, worker alive: false\n');
    // The program waits ~60 ms of timers with a spinning process; the host's 1 ms interval
    // must have run many times meanwhile (the scheduler yields every few ms).
    expect(elapsed).toBeLessThan(5000);
    expect(hostTicks).toBeGreaterThan(5);
  });

  it('does not spin while every process waits for a timer', async () => {
    loadBeamFile(beam('proc_sleep'));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { out } = await capture(() => runEntry('proc_sleep', 'main', []));
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    expect(out).toBe('slept at least 400 ms: true\n');
    expect(wall).toBeGreaterThanOrEqual(400);
    // 400 ms asleep; a busy-waiting scheduler would burn all of it.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(150);
  });

  it('ends the run when the entry returns, though other processes still run', async () => {
    loadBeamFile(beam('proc_spin_timers'));
    const { result } = await capture(() => runEntry('proc_spin_timers', 'main', []));
    expect((result as { kind: string }).kind).toBe('value');
    // No slice runs after the end: the spinner would otherwise keep this process busy.
    const cpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage(cpu0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(100);
  });
});
