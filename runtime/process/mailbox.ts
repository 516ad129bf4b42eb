/**
 * A process's message queue with the BEAM's receive semantics: a singly linked list and a
 * save pointer. `receive` examines messages from the save pointer on; a message that does not
 * match stays where it is and the pointer moves past it; removing the matched message resets
 * the pointer to the start. Receive markers (`recv_marker_*`) let a receive for a fresh
 * reference skip every message that arrived before the reference existed.
 *
 * The save pointer is the node *before* the next message to examine, so removal is O(1).
 */
import type { Term } from '../term/term.js';

export class MessageNode {
  next: MessageNode | null = null;
  /** Set when the message is taken out: a marker on a removed node is no longer valid. */
  removed = false;
  constructor(readonly msg: Term) {}
}

/** What `recv_marker_reserve` puts in a register: the position of the queue's end then. */
export class ReceiveMarker {
  constructor(readonly node: MessageNode) {}
}

export class Mailbox {
  private readonly head = new MessageNode(undefined as unknown as Term);
  private tail: MessageNode = this.head;
  private save: MessageNode = this.head;
  length = 0;

  push(msg: Term): void {
    const n = new MessageNode(msg);
    this.tail.next = n;
    this.tail = n;
    this.length++;
  }

  /** The message at the save pointer, or undefined when none is left to examine. */
  peek(): Term | undefined {
    const n = this.save.next;
    return n === null ? undefined : n.msg;
  }

  /** Moves the save pointer past the current message (it did not match). */
  skip(): void {
    const n = this.save.next;
    if (n !== null) this.save = n;
  }

  /** Takes out the message at the save pointer (it matched) and resets the pointer. */
  take(): void {
    const n = this.save.next;
    if (n === null) return;
    this.save.next = n.next;
    if (this.tail === n) this.tail = this.save;
    n.removed = true;
    this.length--;
    this.save = this.head;
  }

  resetSave(): void {
    this.save = this.head;
  }

  reserveMarker(): ReceiveMarker {
    return new ReceiveMarker(this.tail);
  }

  /** Starts the next receive after the marker's position, if that position still exists. */
  useMarker(m: ReceiveMarker): void {
    if (!m.node.removed && this.save === this.head) this.save = m.node;
  }

  /** Removes the first message satisfying `pred` (demonitor flush); keeps the save pointer valid. */
  removeFirst(pred: (msg: Term) => boolean): boolean {
    let prev = this.head;
    for (let n = prev.next; n !== null; prev = n, n = n.next) {
      if (!pred(n.msg)) continue;
      if (this.save === n) this.save = prev;
      prev.next = n.next;
      if (this.tail === n) this.tail = prev;
      n.removed = true;
      this.length--;
      return true;
    }
    return false;
  }

  toArray(): Term[] {
    const out: Term[] = [];
    for (let n = this.head.next; n !== null; n = n.next) out.push(n.msg);
    return out;
  }

  clear(): void {
    this.head.next = null;
    this.tail = this.save = this.head;
    this.length = 0;
  }
}
