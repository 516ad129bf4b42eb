import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built command, as users run it (npm test builds first).
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const beamjs = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'beamjs-cli-'));
const fixtures = new URL('../fixtures/beam/', import.meta.url).pathname;

describe('beamjs disasm', () => {
  it('lists a module: header, exports, attributes, functions with labels and instructions', () => {
    const beam = readdirSync(fixtures).find((f) => f.endsWith('.beam'))!;
    const r = beamjs('disasm', join(fixtures, beam));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const mod = beam.replace(/\.beam$/, '');
    expect(r.stdout).toContain(`-module(${mod}).`);
    expect(r.stdout).toMatch(/^-export\(\[.*main\/0.*\]\)\.$/m);
    expect(r.stdout).toMatch(/^%% attributes: \[/m);
    expect(r.stdout).toMatch(/^%% function main\/0, entry label \d+$/m);
    expect(r.stdout).toMatch(/^ {2}\{label,\d+\}\.$/m);
    expect(r.stdout).toMatch(new RegExp(`^ {4}\\{func_info,\\{atom,${mod}\\},\\{atom,main\\},0\\}\\.$`, 'm'));
    expect(r.stdout).toMatch(/^ {4}return\.$/m);
  });

  const bad: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmp, 'nope.beam'), /nope\.beam: no such file/],
    ['an empty file', () => (writeFileSync(join(tmp, 'empty.beam'), ''), join(tmp, 'empty.beam')), /empty\.beam: empty file/],
    [
      'a file that is not a .beam',
      () => (writeFileSync(join(tmp, 'text.beam'), 'hello, world\n'), join(tmp, 'text.beam')),
      /text\.beam: not a BEAM file/,
    ],
    [
      'a truncated .beam',
      () => {
        const beam = readdirSync(fixtures).find((f) => f.endsWith('.beam'))!;
        const bytes = readFileSync(join(fixtures, beam));
        writeFileSync(join(tmp, 'cut.beam'), bytes.subarray(0, 100));
        return join(tmp, 'cut.beam');
      },
      /cut\.beam: truncated/,
    ],
  ];
  for (const [what, make, message] of bad) {
    it(`rejects ${what} with one line on stderr and exit status 2`, () => {
      const r = beamjs('disasm', make());
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('rejects bad usage with exit status 2', () => {
    expect(beamjs('disasm').status).toBe(2);
    expect(beamjs('frobnicate').status).toBe(2);
  });
});
