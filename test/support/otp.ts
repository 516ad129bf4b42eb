import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when a real Erlang/OTP is installed (CI installs one; the core suite runs without). */
export const hasErl = spawnSync('erl', ['-version'], { stdio: 'ignore' }).status === 0;

/** Every .beam of the installed OTP, sorted. */
export function otpBeams(): string[] {
  const root = spawnSync('erl', ['-noshell', '-eval', 'io:format("~s", [code:root_dir()]), halt().'], {
    encoding: 'utf8',
  }).stdout;
  const out: string[] = [];
  const lib = join(root, 'lib');
  for (const app of readdirSync(lib)) {
    let files: string[];
    try {
      files = readdirSync(join(lib, app, 'ebin'));
    } catch {
      continue;
    }
    for (const f of files) if (f.endsWith('.beam')) out.push(join(lib, app, 'ebin', f));
  }
  return out.sort();
}

/**
 * Runs OTP's beam_disasm over `files` through test/support/otp_disasm.erl and returns its
 * canonical output, per file, per function header line.
 */
export function otpDisasm(files: string[]): Map<string, Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'beamjs-otp-'));
  const src = new URL('./otp_disasm.erl', import.meta.url).pathname;
  const c = spawnSync('erlc', ['-o', dir, src], { encoding: 'utf8' });
  if (c.status !== 0) throw new Error(`erlc otp_disasm.erl failed: ${c.stderr}${c.stdout}`);
  const r = spawnSync('erl', ['-noshell', '-pa', dir, '-eval', 'otp_disasm:main([]), halt().'], {
    input: files.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`otp_disasm failed: ${r.stderr}`);
  const result = new Map<string, Map<string, string>>();
  let fns: Map<string, string> | undefined;
  let head = '';
  let body: string[] = [];
  const flush = () => {
    if (fns && head) fns.set(head, body.join('\n'));
    head = '';
    body = [];
  };
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('== ')) {
      flush();
      fns = new Map();
      result.set(line.slice(3), fns);
    } else if (line.startsWith('!! ')) {
      flush();
      fns = undefined;
      const [path] = line.slice(3).split(' ', 1);
      result.set(path, new Map([['!!', line]]));
    } else if (line.startsWith('F ')) {
      flush();
      head = line;
    } else if (line !== '') body.push(line);
  }
  flush();
  return result;
}
