import type { Atom } from '../../runtime/term/atom.js';
import type { ByteCursor } from './bytes.js';
import { readTagged, Tag } from './compact.js';
import type { LineTable, Location } from './module.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `Line`: `<<Version:32, Flags:32, LineInstrCount:32, ItemCount:32, FileCount:32, Items, Files>>`.
 * Items are compact terms: an `a`-tagged value switches the current file, an `i`-tagged one
 * is a line in it. Location 0 means "no location". File 0 is the module's own source, which
 * the chunk leaves out (the loader names it `<module>.erl`); the stored names are files 1...
 * Flags (OTP 27+) mark executable-line and line-counter builds; they do not change the layout.
 */
export function readLines(c: ByteCursor, module: Atom): LineTable {
  const version = c.u32('line table version');
  if (version !== 0) c.fail(`unsupported line table version ${version}`, 0);
  const flags = c.u32('line flags');
  const instructionCount = c.u32('line instruction count');
  const itemCount = c.count(c.u32('line item count'), 1, 'line item');
  const fileCount = c.u32('file name count');
  const locations: (Location | undefined)[] = new Array(itemCount + 1);
  locations[0] = undefined;
  let file = 0;
  let i = 1;
  while (i <= itemCount) {
    const at = c.pos;
    const t = readTagged(c);
    if (typeof t.value !== 'number' || t.value < 0) c.fail('line item out of range', at);
    if (t.tag === Tag.A) {
      if (t.value > fileCount) c.fail(`file index ${t.value} beyond the ${fileCount} file names`, at);
      file = t.value;
    } else if (t.tag === Tag.I) {
      locations[i++] = { file, line: t.value };
    } else c.fail(`line item has tag ${t.tag}`, at);
  }
  c.count(fileCount, 2, 'file name');
  const files: string[] = [`${module.name}.erl`];
  for (let f = 0; f < fileCount; f++) {
    const at = c.pos;
    const bytes = c.take(c.u16('file name length'), 'file name');
    try {
      files.push(utf8.decode(bytes));
    } catch {
      c.fail(`file name ${f + 1} is not valid UTF-8`, at);
    }
  }
  return { version, flags, instructionCount, locations, files };
}
