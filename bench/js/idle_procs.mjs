// Not a timed benchmark: the JS counterpart of bench/erlang/idle_procs.erl. Creates N
// (default 100,000) idle "processes" the way async JS code would have them: an async
// function suspended in `await` on its next message (a promise whose resolver is kept in
// its mailbox object), and prints the V8 heap growth per process.
//   node --expose-gc bench/js/idle_procs.mjs [N]
const n = Number(process.argv[2] ?? 100000);

function gc() {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
}

class Mailbox {
  constructor() {
    this.messages = [];
    this.waiting = null;
  }
  send(msg) {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(msg);
    } else this.messages.push(msg);
  }
  receive() {
    if (this.messages.length > 0) return Promise.resolve(this.messages.shift());
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

async function idle(mbox) {
  for (;;) {
    const msg = await mbox.receive();
    if (msg === 'stop') return;
  }
}

if (!globalThis.gc) console.error('run with node --expose-gc for a stable number');
gc();
const before = process.memoryUsage().heapUsed;
const procs = [];
for (let i = 0; i < n; i++) {
  const mbox = new Mailbox();
  procs.push({ mbox, done: idle(mbox) });
}
await new Promise((r) => setImmediate(r)); // every process is now waiting in receive
gc();
const after = process.memoryUsage().heapUsed;
console.log(`${n} idle async "processes": ${Math.round((after - before) / n)} bytes each (V8 heapUsed)`);
for (const p of procs) p.mbox.send('stop');
await Promise.all(procs.map((p) => p.done));
