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

describe('beamjs run', () => {
  const osEnv = join(fixtures, 'os_env.beam');
  const run = (nodeArgs: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [...nodeArgs, cli, 'run', osEnv, 'os:getpid/0'], { encoding: 'utf8', env: { ...process.env, ...env } });
  /** The pid of the Node process that ran the program (the entry's value, `"1234"`). */
  const programPid = (r: ReturnType<typeof run>) => Number(/^"(\d+)"$/m.exec(r.stdout)?.[1]);

  it('restarts Node with its V8 flags (runtime/node-flags.ts) unless they are set', () => {
    const restarted = run([]);
    expect(restarted.status).toBe(0);
    expect(programPid(restarted)).toBeGreaterThan(0);
    expect(programPid(restarted)).not.toBe(restarted.pid);
    const given = run(['--max-semi-space-size=32']);
    expect(programPid(given)).toBe(given.pid);
    const refused = run([], { BEAMJS_NODE_FLAGS: '0' });
    expect(programPid(refused)).toBe(refused.pid);
  });

  it('passes on output, stderr and exit status through the restart', () => {
    const plain = spawnSync(process.execPath, [cli, 'run', osEnv], { encoding: 'utf8', env: { ...process.env, BEAMJS_NODE_FLAGS: '0' } });
    const tuned = beamjs('run', osEnv);
    expect(tuned.status).toBe(0);
    expect(tuned.stdout).toBe(plain.stdout);
    expect(tuned.stdout).toBe(readFileSync(new URL('../fixtures/expected/os_env.stdout', import.meta.url), 'utf8'));
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
