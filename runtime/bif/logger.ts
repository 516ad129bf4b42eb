/**
 * The logger front door (logger:macro_log, logger:log, logger:allow), routed to
 * runtime/erlang/beamjs_logger.erl: the default handler's behaviour of `erl -noshell` without
 * the logger's processes and ETS tables. Calls to Erlang code happen in tail position, so they
 * may suspend like any call.
 */
import { badarg } from '../exception.js';
import { resolve } from '../ops.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { ErlMap } from '../term/map.js';
import { makeMap } from '../term/mapbuild.js';
import { NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const LEVELS = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];
/** The primary level of a default system. */
const PRIMARY = LEVELS.indexOf('notice');

function levelIndex(l: Term): number {
  const i = l instanceof Atom ? LEVELS.indexOf(l.name) : -1;
  if (i < 0) badarg([l]);
  return i;
}

const EMPTY = new ErlMap([], []);

function log(location: Term, level: Term, msg: Term, meta: Term): Term {
  levelIndex(level);
  return resolve('beamjs_logger', 'log', 4)(location, level, msg, meta);
}

defineBifs('logger', {
  'allow/2': (level) => (levelIndex(level) <= PRIMARY ? TRUE : FALSE),
  'macro_log/4': (loc, level, msg, meta) => log(loc, level, msg, meta),
  'macro_log/5': (loc, level, format, args, meta) => log(loc, level, [format, args], meta),
  'log/2': (level, msg) => log(EMPTY, level, msg, EMPTY),
  'log/3': (level, a, b) => (b instanceof ErlMap ? log(EMPTY, level, a, b) : log(EMPTY, level, [a, b], EMPTY)),
  'log/4': (level, f, args, meta) => log(EMPTY, level, [f, args], meta),
  'get_primary_config/0': () =>
    makeMap([
      [atom('filter_default'), atom('log')],
      [atom('filters'), NIL],
      [atom('level'), atom('notice')],
      [atom('metadata'), EMPTY],
    ]),
});
