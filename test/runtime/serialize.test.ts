import { describe, expect, it } from 'vitest';
import { setStdoutSink } from '../../runtime/io/stdout.js';
import { PROCESSES } from '../../runtime/process/process.js';
import { restoreProcess, serializeProcess } from '../../runtime/process/serialize.js';
import { NAMES } from '../../runtime/process/signals.js';
import { HOLE } from '../../runtime/process/state.js';
import { addOtpLibraries, loadBeamFile, resetRuntime, runEntry } from '../../runtime/system.js';
import { formatTerm } from '../../runtime/term/print.js';
import { atom } from '../../runtime/term/atom.js';

// A suspended process is data (design §4): saved while it waits in receive, it comes back in a
// fresh runtime with its frames, registers, mailbox and dictionary, and carries on.
const beam = new URL('../../fixtures/beam/proc_serialize.beam', import.meta.url).pathname;

describe('serializing a suspended process', () => {
  addOtpLibraries();
  loadBeamFile(beam);

  it('restores a waiting process that continues where it was', async () => {
    setStdoutSink(() => {});
    try {
      const started = await runEntry('proc_serialize', 'start', []);
      expect(started).toMatchObject({ kind: 'value', value: 23 });
      const counter = NAMES.get('proc_serialize_counter')!;
      expect(counter.status).toBe('waiting');
      // A message that arrived before the move travels with it.
      counter.mailbox.push([atom('add'), 100]);
      const saved = serializeProcess(counter);
      const json = JSON.parse(JSON.stringify(saved)) as typeof saved;
      expect(json.frames.length).toBeGreaterThan(0);
      expect(json.frames[json.frames.length - 1].module).toBe('proc_serialize');

      resetRuntime();
      expect(PROCESSES.size).toBe(0);
      const restored = restoreProcess(json);
      expect(restored.status).toBe('runnable');
      expect(NAMES.get('proc_serialize_counter')).toBe(restored);
      expect(formatTerm(restored.dict.get(restored.dict.keys().next().value)![1])).toBe('23');

      const checked = await runEntry('proc_serialize', 'check', [], { fresh: false });
      expect(checked.kind).toBe('value');
      if (checked.kind === 'value') expect(formatTerm(checked.value)).toBe('{124,[5,7,11,100,1]}');
    } finally {
      setStdoutSink(undefined);
    }
  });

  it('restores a process waiting in the middle of a list-building loop (a hole frame)', async () => {
    setStdoutSink(() => {});
    try {
      resetRuntime();
      addOtpLibraries();
      loadBeamFile(new URL('../../fixtures/beam/proc_serialize_list.beam', import.meta.url).pathname);
      const started = await runEntry('proc_serialize_list', 'start', []);
      expect(started.kind).toBe('value');
      const p = NAMES.get('proc_serialize_list')!;
      expect(p.status).toBe('waiting');
      const saved = JSON.parse(JSON.stringify(serializeProcess(p))) as ReturnType<typeof serializeProcess>;
      // take/1's loop saved the list built so far, [1, 4, 9], as a hole frame (label HOLE).
      const holes = saved.frames.filter((f) => f.label === HOLE);
      expect(holes.length).toBe(1);

      resetRuntime();
      restoreProcess(saved);
      const finished = await runEntry('proc_serialize_list', 'finish', [], { fresh: false });
      expect(finished.kind).toBe('value');
      if (finished.kind === 'value') expect(formatTerm(finished.value)).toBe('[1,4,9,16]');
    } finally {
      setStdoutSink(undefined);
    }
  });

  it('refuses a process that has not started, naming why', async () => {
    resetRuntime();
    const { spawnProcess } = await import('../../runtime/process/spawn.js');
    const p = spawnProcess(() => 0, 0, {});
    expect(() => serializeProcess(p)).toThrow(/has not started/);
  });
});
