/**
 * The operations behind the receive instructions (compiler/codegen/instructions.ts):
 *
 *   loop_rec F, x0      x0 = peekMessage(); if none: jump F
 *   loop_rec_end L      skipMessage(); jump L
 *   remove_message      removeMessage()
 *   wait L              the frame suspends to resume at L; the process sleeps
 *   wait_timeout L, T   if (!waitTimeout(T)) like wait; else fall through to `timeout`
 *   timeout             receiveTimedOut()
 *   recv_marker_*       reserveMarker/bindMarker/useMarker/clearMarker
 *
 * The receive timer lives in the process (as F_TIMO on the BEAM): set by the first
 * wait_timeout, kept while non-matching messages wake the process, cleared by remove_message
 * or timeout.
 */
import { atom } from '../term/atom.js';
import { ErlangException, ERROR } from '../exception.js';
import { Ref } from '../term/identity.js';
import type { Term } from '../term/term.js';
import { ReceiveMarker } from './mailbox.js';
import { refKey, type Process } from './process.js';
import { makeRunnable } from './scheduler.js';
import { S } from './state.js';
import { addTimer, cancelTimer } from './timers.js';

const INFINITY = atom('infinity');

export function peekMessage(): Term | undefined {
  return S.current!.mailbox.peek();
}

export function skipMessage(): void {
  S.current!.mailbox.skip();
}

export function removeMessage(): void {
  const p = S.current!;
  p.mailbox.take();
  clearReceiveTimer(p);
}

function clearReceiveTimer(p: Process): void {
  if (p.receiveTimer !== undefined) cancelTimer(p.receiveTimer);
  p.receiveTimer = undefined;
  p.timedOut = false;
}

/** True when the receive has timed out (fall through to `timeout`); false to wait. */
export function waitTimeout(t: Term): boolean {
  const p = S.current!;
  if (p.timedOut) return true;
  // Waking for a message that did not match: the timer runs on. (The time operand may be an
  // x register that did not survive the wait; the BEAM does not read it again either.)
  if (p.receiveTimer !== undefined) return false;
  if (t === INFINITY) return false;
  if (!(typeof t === 'number' && Number.isInteger(t) && t >= 0) && !(typeof t === 'bigint' && t > 0n)) {
    throw new ErlangException(ERROR, atom('timeout_value'));
  }
  if (t === 0) return true;
  armReceiveTimer(p, typeof t === 'bigint' ? Number(t) : t);
  return false;
}

/** Starts `p`'s receive timer: when it fires, the receive times out (and `p` wakes). */
export function armReceiveTimer(p: Process, ms: number): void {
  p.receiveTimer = addTimer(ms, () => {
    p.receiveTimer = undefined;
    p.timedOut = true;
    if (p.status === 'waiting') makeRunnable(p);
  });
}

export function receiveTimedOut(): void {
  const p = S.current!;
  clearReceiveTimer(p);
  p.mailbox.resetSave();
}

export function reserveMarker(): Term {
  return S.current!.mailbox.reserveMarker() as unknown as Term;
}

export function bindMarker(marker: Term, ref: Term): void {
  if (marker instanceof ReceiveMarker && ref instanceof Ref) S.current!.markers.set(refKey(ref), marker);
}

export function useMarker(ref: Term): void {
  if (!(ref instanceof Ref)) return;
  const p = S.current!;
  const m = p.markers.get(refKey(ref));
  if (m instanceof ReceiveMarker) p.mailbox.useMarker(m);
}

export function clearMarker(ref: Term): void {
  if (ref instanceof Ref) S.current!.markers.delete(refKey(ref));
}
