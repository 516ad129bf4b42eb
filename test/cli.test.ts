import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../runtime/node-flags.js';

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

describe('beamjs run', () => {
  const osEnv = join(fixtures, 'os_env.beam');

  it('runs as a command with beamjs\'s V8 flags on its #! line', () => {
    const first = readFileSync(cli, 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
    // As npm installs it: executable, started through the #! line.
    chmodSync(cli, 0o755);
    const r = spawnSync(cli, ['run', osEnv], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(new URL('../fixtures/expected/os_env.stdout', import.meta.url), 'utf8'));
  });

  it('exits with status 1 and a report on stderr when the program crashes', () => {
    const crash = beamjs('run', join(fixtures, 'crash_uncaught.beam'));
    expect(crash.status).toBe(1);
    expect(crash.stderr).toMatch(/^\*\* exception/m);
  });

  it('stops writing, without crashing, when the reader of its output goes away', () => {
    // `| head -1`: the pipe closes after the first line; the rest is dropped (EPIPE).
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" run "${join(fixtures, 'trmc_lists.beam')}" | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('[2,4,6]\n');
    expect(r.stderr).toBe('');
  });
});
