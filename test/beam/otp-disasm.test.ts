import { describe, expect, it } from 'vitest';
import { disasmContext, disasmInstruction } from '../../compiler/beam/disasm.js';
import { readBeamFile } from '../../compiler/beam/reader.js';
import { canonical } from '../support/canonical.js';
import { hasErl, otpBeams, otpDisasm } from '../support/otp.js';

// Decodes every module of the installed OTP and compares each function, instruction by
// instruction, with what OTP's own beam_disasm:file/1 returns for it.
describe.runIf(hasErl)('the installed OTP, decoded', () => {
  it('matches beam_disasm for every function of every module', async () => {
    const files = otpBeams();
    expect(files.length).toBeGreaterThan(1000);
    const reference = otpDisasm(files);
    expect(reference.size).toBe(files.length);

    const mismatches: string[] = [];
    let functions = 0;
    let instructions = 0;
    let decodeMs = 0;
    for (const [n, file] of files.entries()) {
      // Let the worker answer the test runner now and then (long synchronous work makes
      // vitest's worker RPC time out on a loaded machine).
      if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const ref = reference.get(file)!;
      expect(ref.has('!!'), `beam_disasm failed on ${file}`).toBe(false);
      const t0 = performance.now();
      const m = readBeamFile(file);
      decodeMs += performance.now() - t0;
      const cx = disasmContext(m);
      const ours = new Map<string, string>();
      m.functions.forEach((f, index) => {
        const head = `F ${canonical(f.name)}/${f.arity} ${f.entry}`;
        const lines = f.code.map((i) => canonical(disasmInstruction(i, cx)));
        // beam_disasm returns the labels and lines before func_info in reverse order for
        // every function but the first (its get_fun reverses an already-forward list);
        // we keep file order, so mirror that here.
        if (index > 0) {
          const k = f.code.findIndex((i) => i.op === 'func_info');
          lines.splice(0, k, ...lines.slice(0, k).reverse());
        }
        ours.set(head, lines.join('\n'));
        instructions += f.code.length;
      });
      functions += ours.size;
      if (ours.size !== ref.size) mismatches.push(`${file}: ${ours.size} functions, beam_disasm has ${ref.size}`);
      for (const [head, body] of ref) {
        const mine = ours.get(head);
        if (mine === body) continue;
        if (mine === undefined) {
          mismatches.push(`${file}: missing ${head}`);
          continue;
        }
        const a = mine.split('\n');
        const b = body.split('\n');
        const k = a.findIndex((l, i) => l !== b[i]);
        mismatches.push(`${file} ${head} instruction ${k}:\n  ours: ${a[k]}\n  OTP:  ${b[k]}`);
      }
    }
    console.log(
      `OTP conformance: ${files.length} modules, ${functions} functions, ${instructions} instructions; ` +
        `decoded in ${decodeMs.toFixed(0)} ms; ${mismatches.length} mismatches`,
    );
    expect(mismatches.slice(0, 20)).toEqual([]);
  }, 600_000); // ~40 s alone; much more on a loaded 2-core machine
});
