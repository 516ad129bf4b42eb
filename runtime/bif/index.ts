/** Registers every native function module (import for the side effect). */
import './erlang-core.js';
import './binaries.js';
import './checksums.js';
import './io.js';
import './numbers.js';
import './lists.js';
import './maps.js';
import './process-basics.js';
import './string.js';
import './persistent-term.js';
