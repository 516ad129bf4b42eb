// Spawn n short-lived actors in batches of 1000; each one, when the scheduler runs it,
// sends one message to the parent and is gone. The parent collects every reply of a batch
// before starting the next. An actor is an object with an inbox and a closure, and the
// scheduler a run queue drained in a loop (run(n) must return synchronously).
const BATCH = 1000;

class Actor {
  constructor(body) {
    this.body = body;
    this.inbox = [];
    this.scheduled = false;
    this.dead = false;
  }
}

class Scheduler {
  constructor() {
    this.queue = [];
    this.head = 0;
  }
  spawn(body) {
    const a = new Actor(body);
    this.queue.push(a);
    a.scheduled = true;
    return a;
  }
  send(actor, msg) {
    if (actor.dead) return;
    actor.inbox.push(msg);
  }
  run() {
    while (this.head < this.queue.length) {
      const a = this.queue[this.head++];
      a.scheduled = false;
      a.body(a);
      a.dead = true;
    }
    this.queue = [];
    this.head = 0;
  }
}

export function run(n) {
  const sched = new Scheduler();
  const parent = new Actor(null);
  let count = 0;
  let sum = 0;
  for (let done = 0; done < n; ) {
    const b = Math.min(BATCH, n - done);
    for (let i = done + 1; i <= done + b; i++) {
      const v = i % 1000;
      sched.spawn(() => sched.send(parent, { type: 'reply', value: v }));
    }
    sched.run();
    const inbox = parent.inbox;
    parent.inbox = [];
    for (const m of inbox) {
      count++;
      sum += m.value;
    }
    done += b;
  }
  return `{${count},${sum}}`;
}
