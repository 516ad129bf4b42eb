/**
 * The application environment without the application controller: no application is
 * loaded, so every key is unset (OTP's own code then takes its documented defaults, e.g.
 * error_logger's unlimited format depth).
 */
import { badarg } from '../exception.js';
import { Atom, atom, UNDEFINED } from '../term/atom.js';
import { NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

function atoms(args: Term[]): void {
  if (!args.every((a) => a instanceof Atom)) badarg(args);
}

defineBifs('application_controller', {
  'get_env/2': (app, key) => (atoms([app, key]), UNDEFINED),
  'get_all_env/1': (app) => (atoms([app]), NIL),
});

defineBifs('application', {
  'get_env/1': (key) => (atoms([key]), UNDEFINED),
  'get_env/2': (app, key) => (atoms([app, key]), UNDEFINED),
  'get_env/3': (app, key, def) => (atoms([app, key]), def),
  'get_all_env/0': () => NIL,
  'get_all_env/1': (app) => (atoms([app]), NIL),
  'get_application/0': () => UNDEFINED,
  'get_application/1': () => UNDEFINED,
  'which_applications/0': () => NIL,
  'loaded_applications/0': () => NIL,
  'ensure_all_started/1': () => [atom('ok'), NIL],
});
