// Selective receive over a big mailbox, as a JS programmer would write it: the mailbox is
// an array of message objects; receiving a specific message is a linear scan for the first
// match (findIndex) and a splice; the message is then appended again, so the mailbox stays
// at 10,000 entries and keeps changing order. Keys come from MINSTD, as in the Erlang.
const MAILBOX = 10000;

export function run(n) {
  const mailbox = [];
  for (let i = 1; i <= MAILBOX; i++) mailbox.push({ tag: 'msg', key: i });
  let seed = 42;
  let hash = 0;
  for (let k = 0; k < n; k++) {
    seed = (seed * 16807) % 2147483647;
    const key = (seed % MAILBOX) + 1;
    const i = mailbox.findIndex((m) => m.tag === 'msg' && m.key === key);
    const [m] = mailbox.splice(i, 1);
    mailbox.push(m);
    hash = (hash * 31 + key) % 1000000007;
  }
  const drained = mailbox.splice(0).length;
  return `{${drained},${hash}}`;
}
