#!/usr/bin/env node
/**
 * The `beamjs` command. Exit status: 0 on success, 2 for bad usage or unreadable input
 * (with one line on stderr), 1 when the program run crashes.
 */
import { listing } from '../compiler/beam/listing.js';
import { readBeamFile } from '../compiler/beam/reader.js';
import { BeamFormatError } from '../compiler/beam/errors.js';

const USAGE = `usage: beamjs disasm FILE.beam`;

function fail(message: string): never {
  process.stderr.write(`beamjs: ${message.split('\n')[0]}\n`);
  process.exit(2);
}

function disasm(args: string[]): void {
  if (args.length !== 1 || args[0].startsWith('-')) fail(`disasm takes one .beam file (${USAGE})`);
  let text: string;
  try {
    text = listing(readBeamFile(args[0]));
  } catch (e) {
    if (e instanceof BeamFormatError) fail(e.message);
    throw e;
  }
  process.stdout.write(text);
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  switch (command) {
    case 'disasm':
      return disasm(rest);
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE + '\n');
      if (command === undefined) process.exit(2);
      return;
    default:
      fail(`unknown command '${command}' (${USAGE})`);
  }
}

main(process.argv.slice(2));
