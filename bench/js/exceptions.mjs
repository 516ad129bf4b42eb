// n iterations, each calling 0..9 frames deep and then throwing a plain object (1/3),
// throwing an Error subclass, which captures a stack trace like erlang:error/1 (1/3), or
// returning (1/3), caught by try/catch in the loop.
class Found {
  constructor(value) {
    this.value = value;
  }
}

class BadError extends Error {
  constructor(value) {
    super('bad');
    this.value = value;
  }
}

function dive(d, i) {
  if (d === 0) {
    switch (i % 3) {
      case 0:
        throw new Found(i);
      case 1:
        throw new BadError(i);
      default:
        return i;
    }
  }
  return dive(d - 1, i) + 1;
}

export function run(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    let v;
    try {
      v = dive(i % 10, i);
    } catch (e) {
      if (e instanceof Found) v = e.value * 2;
      else if (e instanceof BadError) v = e.value * 3;
      else throw e;
    }
    acc += v;
  }
  return String(acc);
}
