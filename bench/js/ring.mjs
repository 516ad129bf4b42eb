// A ring of 1000 actors passing a token with a hop counter, n hops in total. The actors are
// what a JS programmer would write for message passing without threads: objects with an
// inbox array and a handler, and a run queue of actors that have mail, drained in a loop
// (run(n) must return synchronously, so no promises). The node holding the token when the
// counter reaches 0 reports its index; then a stop message goes round and ends every node.
const SIZE = 1000;

class Scheduler {
  constructor() {
    this.queue = [];
    this.head = 0;
  }
  send(actor, msg) {
    if (actor.dead) return;
    actor.inbox.push(msg);
    if (!actor.scheduled) {
      actor.scheduled = true;
      this.queue.push(actor);
    }
  }
  run() {
    while (this.head < this.queue.length) {
      const actor = this.queue[this.head++];
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      actor.scheduled = false;
      const inbox = actor.inbox;
      actor.inbox = [];
      for (let i = 0; i < inbox.length && !actor.dead; i++) actor.handle(inbox[i]);
    }
  }
}

class Node {
  constructor(sched, index, main) {
    this.sched = sched;
    this.index = index;
    this.main = main;
    this.next = null;
    this.inbox = [];
    this.scheduled = false;
    this.dead = false;
  }
  handle(msg) {
    if (msg.type === 'token') {
      if (msg.hops === 0) this.sched.send(this.main, { type: 'done', index: this.index });
      else this.sched.send(this.next, { type: 'token', hops: msg.hops - 1 });
    } else if (msg.type === 'stop') {
      this.dead = true;
      if (this.index === SIZE) this.sched.send(this.main, { type: 'stopped' });
      else this.sched.send(this.next, msg);
    }
  }
}

class Main {
  constructor() {
    this.inbox = [];
    this.scheduled = false;
    this.dead = false;
    this.last = undefined;
    this.stopped = false;
  }
  handle(msg) {
    if (msg.type === 'done') this.last = msg.index;
    else if (msg.type === 'stopped') this.stopped = true;
  }
}

export function run(n) {
  const sched = new Scheduler();
  const main = new Main();
  const nodes = [];
  for (let i = 1; i <= SIZE; i++) nodes.push(new Node(sched, i, main));
  for (let i = 0; i < SIZE; i++) nodes[i].next = nodes[(i + 1) % SIZE];
  sched.send(nodes[0], { type: 'token', hops: n });
  sched.run();
  sched.send(nodes[0], { type: 'stop' });
  sched.run();
  if (!main.stopped) throw new Error('ring did not stop');
  return `{${main.last},${n}}`;
}
