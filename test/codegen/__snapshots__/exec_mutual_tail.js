(function (R, M, B) {
  "use strict";
  const {S, SUSPEND, NONVALUE, Cons, NIL, ErlFloat, Atom, Pid, Ref, Port, BitString, ErlMap, ErlangException, TRUE, FALSE, suspendEntry, suspendAt, trmcEnd, preempt, raiseBy, eqx, eq, cmp, isInt, isNum, isFun, callFun, callFunLast, applyMFA, applyLast, functionClause, badmatch, caseClause, ifClause, tryClause, badRecord, catchValue, reraise, buildStacktrace, rawRaise, mapPut, mapUpdate, mapHasAll, mapGet, toFloat, checkFloat, createBin, BSW, appendByte, appendBytes, appendBinary, segmentBits, binAllBits, utfBits, startMatch, initWritable, BitWriter, bsAdd, utf8Size, utf16Size, send, peekMessage, skipMessage, removeMessage, waitTimeout, receiveTimedOut, reserveMarker, bindMarker, useMarker, clearMarker} = R;
  const LN = S.lns;
  const makeFun = (i, env) => R.makeFunFor(M.name.name, i, env);
  const a0 = R.atom("ok");
  const a1 = R.atom("ping_done");
  const a2 = R.atom("pong_done");
  const a3 = R.atom("true");
  const a4 = R.atom("false");
  const a5 = R.atom("exec_mutual_tail");
  let i0, i1, i2, i3, i4, i5;
  function f0_main_0($r) {
    if ($r !== undefined) {
      return f0_main_0$r($r);
    }
    let t, d, x0, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f0_main_0, []);
    }
    d = ++S.depth;
    x1 = 0;
    x0 = 10000000;
    LN[d] = B + 1;
    x0 = f1_ping_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 23, undefined, undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 2;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 24, undefined, undefined, LN[d]);
    }
    S.depth = d;
    x1 = 0;
    x0 = 10000000;
    LN[d] = B + 3;
    x0 = f3_loop_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 25, undefined, undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 4;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 26, undefined, undefined, LN[d]);
    }
    S.depth = d;
    x0 = 1000001;
    LN[d] = B + 5;
    x0 = f4_even_1(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 27, undefined, undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 6;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 28, undefined, undefined, LN[d]);
    }
    S.depth = d;
    x0 = a0;
    return x0;
    LN[d] = B + 0;
    throw functionClause(f0_main_0, []);
  }
  function f0_main_0$r($r) {
    let L, t, d, x0, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 2;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 1:
          LN[d] = B + 0;
          throw functionClause(f0_main_0, []);
        case 2:
          x1 = 0;
          x0 = 10000000;
          LN[d] = B + 1;
          x0 = f1_ping_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 23, undefined, undefined, LN[d]);
          }
        case 23:
          S.depth = d;
          LN[d] = B + 2;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 24, undefined, undefined, LN[d]);
          }
        case 24:
          S.depth = d;
          x1 = 0;
          x0 = 10000000;
          LN[d] = B + 3;
          x0 = f3_loop_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 25, undefined, undefined, LN[d]);
          }
        case 25:
          S.depth = d;
          LN[d] = B + 4;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 26, undefined, undefined, LN[d]);
          }
        case 26:
          S.depth = d;
          x0 = 1000001;
          LN[d] = B + 5;
          x0 = f4_even_1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 27, undefined, undefined, LN[d]);
          }
        case 27:
          S.depth = d;
          LN[d] = B + 6;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 28, undefined, undefined, LN[d]);
          }
        case 28:
          S.depth = d;
          x0 = a0;
          return x0;
        default:
          throw new Error("exec_mutual_tail:main/0: no label " + L);
      }
    }
  }
  function f1_ping_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f1_ping_2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f1_ping_2, [x0, x1]);
    }
    d = ++S.depth;
    b5: {
      if (!(x0 === 0)) {
        break b5;
      }
      x0 = [a1, x1];
      return x0;
    }
    LN[d] = B + 8;
    x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
    x1 = typeof x1 === "number" && (t = x1 + 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, 1);
    LN[d] = -1;
    return f2_pong_2(x0, x1);
    LN[d] = B + 7;
    throw functionClause(f1_ping_2, [x0, x1]);
  }
  function f1_ping_2$r(x0, x1, $r) {
    let L, t, d, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 4;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 3:
          LN[d] = B + 7;
          throw functionClause(f1_ping_2, [x0, x1]);
        case 4:
          if (!(x0 === 0)) {
            L = 5;
            continue;
          }
          x0 = [a1, x1];
          return x0;
        case 5:
          LN[d] = B + 8;
          x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          x1 = typeof x1 === "number" && (t = x1 + 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, 1);
          LN[d] = -1;
          return f2_pong_2(x0, x1);
        default:
          throw new Error("exec_mutual_tail:ping/2: no label " + L);
      }
    }
  }
  function f2_pong_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f2_pong_2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f2_pong_2, [x0, x1]);
    }
    d = ++S.depth;
    b8: {
      if (!(x0 === 0)) {
        break b8;
      }
      x0 = [a2, x1];
      return x0;
    }
    LN[d] = B + 10;
    x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
    x1 = typeof x1 === "number" && (t = x1 + 2) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, 2);
    LN[d] = -1;
    return f1_ping_2(x0, x1);
    LN[d] = B + 9;
    throw functionClause(f2_pong_2, [x0, x1]);
  }
  function f2_pong_2$r(x0, x1, $r) {
    let L, t, d, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 7;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 6:
          LN[d] = B + 9;
          throw functionClause(f2_pong_2, [x0, x1]);
        case 7:
          if (!(x0 === 0)) {
            L = 8;
            continue;
          }
          x0 = [a2, x1];
          return x0;
        case 8:
          LN[d] = B + 10;
          x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          x1 = typeof x1 === "number" && (t = x1 + 2) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, 2);
          LN[d] = -1;
          return f1_ping_2(x0, x1);
        default:
          throw new Error("exec_mutual_tail:pong/2: no label " + L);
      }
    }
  }
  function f3_loop_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f3_loop_2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f3_loop_2, [x0, x1]);
    }
    d = ++S.depth;
    top: for (; ; ) {
      b11: {
        if (!(x0 === 0)) {
          break b11;
        }
        x0 = x1;
        return x0;
      }
      LN[d] = B + 12;
      x2 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
      x1 = typeof x1 === "number" && typeof x0 === "number" && (x1 | 0) === x1 && (x0 | 0) === x0 ? x1 ^ x0 : i3(x1, x0);
      x0 = x2;
      if (--S.reds < 0 && preempt()) {
        return suspendEntry(f3_loop_2, [x0, x1]);
      }
      continue top;
      LN[d] = B + 11;
      throw functionClause(f3_loop_2, [x0, x1]);
    }
  }
  function f3_loop_2$r(x0, x1, $r) {
    let L, t, d, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 10;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 9:
          LN[d] = B + 11;
          throw functionClause(f3_loop_2, [x0, x1]);
        case 10:
          if (!(x0 === 0)) {
            L = 11;
            continue;
          }
          x0 = x1;
          return x0;
        case 11:
          LN[d] = B + 12;
          x2 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          x1 = typeof x1 === "number" && typeof x0 === "number" && (x1 | 0) === x1 && (x0 | 0) === x0 ? x1 ^ x0 : i3(x1, x0);
          x0 = x2;
          if (--S.reds < 0 && preempt()) {
            return suspendEntry(f3_loop_2, [x0, x1]);
          }
          L = 10;
          continue;
        default:
          throw new Error("exec_mutual_tail:loop/2: no label " + L);
      }
    }
  }
  function f4_even_1(x0, $r) {
    if ($r !== undefined) {
      return f4_even_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f4_even_1, [x0]);
    }
    d = ++S.depth;
    b14: {
      if (!(x0 === 0)) {
        break b14;
      }
      x0 = a3;
      return x0;
    }
    LN[d] = B + 14;
    x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
    LN[d] = -1;
    return f5_odd_1(x0);
    LN[d] = B + 13;
    throw functionClause(f4_even_1, [x0]);
  }
  function f4_even_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 13;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 12:
          LN[d] = B + 13;
          throw functionClause(f4_even_1, [x0]);
        case 13:
          if (!(x0 === 0)) {
            L = 14;
            continue;
          }
          x0 = a3;
          return x0;
        case 14:
          LN[d] = B + 14;
          x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          LN[d] = -1;
          return f5_odd_1(x0);
        default:
          throw new Error("exec_mutual_tail:even/1: no label " + L);
      }
    }
  }
  function f5_odd_1(x0, $r) {
    if ($r !== undefined) {
      return f5_odd_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f5_odd_1, [x0]);
    }
    d = ++S.depth;
    b17: {
      if (!(x0 === 0)) {
        break b17;
      }
      x0 = a4;
      return x0;
    }
    LN[d] = B + 16;
    x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
    LN[d] = -1;
    return f4_even_1(x0);
    LN[d] = B + 15;
    throw functionClause(f5_odd_1, [x0]);
  }
  function f5_odd_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 16;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 15:
          LN[d] = B + 15;
          throw functionClause(f5_odd_1, [x0]);
        case 16:
          if (!(x0 === 0)) {
            L = 17;
            continue;
          }
          x0 = a4;
          return x0;
        case 17:
          LN[d] = B + 16;
          x0 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          LN[d] = -1;
          return f4_even_1(x0);
        default:
          throw new Error("exec_mutual_tail:odd/1: no label " + L);
      }
    }
  }
  function f6_module_info_0($r) {
    if ($r !== undefined) {
      return f6_module_info_0$r($r);
    }
    let t, d, x0, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f6_module_info_0, []);
    }
    d = ++S.depth;
    LN[d] = B + 18;
    x0 = a5;
    LN[d] = -1;
    return i4(x0);
    LN[d] = B + 17;
    throw functionClause(f6_module_info_0, []);
  }
  function f6_module_info_0$r($r) {
    let L, t, d, x0, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 19;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 18:
          LN[d] = B + 17;
          throw functionClause(f6_module_info_0, []);
        case 19:
          LN[d] = B + 18;
          x0 = a5;
          LN[d] = -1;
          return i4(x0);
        default:
          throw new Error("exec_mutual_tail:module_info/0: no label " + L);
      }
    }
  }
  function f7_module_info_1(x0, $r) {
    if ($r !== undefined) {
      return f7_module_info_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f7_module_info_1, [x0]);
    }
    d = ++S.depth;
    LN[d] = B + 20;
    x1 = x0;
    x0 = a5;
    LN[d] = -1;
    return i5(x0, x1);
    LN[d] = B + 19;
    throw functionClause(f7_module_info_1, [x0]);
  }
  function f7_module_info_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 21;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 20:
          LN[d] = B + 19;
          throw functionClause(f7_module_info_1, [x0]);
        case 21:
          LN[d] = B + 20;
          x1 = x0;
          x0 = a5;
          LN[d] = -1;
          return i5(x0, x1);
        default:
          throw new Error("exec_mutual_tail:module_info/1: no label " + L);
      }
    }
  }
  function link(imports, natives) {
    i0 = imports[0];
    i1 = imports[1];
    i2 = imports[2];
    i3 = imports[3];
    i4 = imports[4];
    i5 = imports[5];
  }
  return {
    functions: [f0_main_0, f1_ping_2, f2_pong_2, f3_loop_2, f4_even_1, f5_odd_1, f6_module_info_0, f7_module_info_1],
    link
  };
});
