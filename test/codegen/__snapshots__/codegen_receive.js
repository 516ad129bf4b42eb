(function (R, M, B) {
  "use strict";
  const {S, SUSPEND, NONVALUE, Cons, NIL, ErlFloat, Atom, Pid, Ref, Port, BitString, ErlMap, ErlangException, TRUE, FALSE, suspendEntry, suspendAt, trmcEnd, preempt, raiseBy, eqx, eq, cmp, isInt, isNum, isFun, callFun, callFunLast, applyMFA, applyLast, functionClause, badmatch, caseClause, ifClause, tryClause, badRecord, catchValue, reraise, buildStacktrace, rawRaise, mapPut, mapUpdate, mapHasAll, mapGet, toFloat, checkFloat, createBin, BSW, appendByte, appendBytes, appendBinary, segmentBits, binAllBits, utfBits, startMatch, initWritable, BitWriter, bsAdd, utf8Size, utf16Size, send, peekMessage, skipMessage, removeMessage, waitTimeout, receiveTimedOut, reserveMarker, bindMarker, useMarker, clearMarker} = R;
  const LN = S.lns;
  const makeFun = (i, env) => R.makeFunFor(M.name.name, i, env);
  const a0 = R.atom("b");
  const a1 = R.atom("a");
  const a2 = R.atom("none");
  const a3 = R.atom("got");
  const a4 = R.atom("empty");
  const a5 = R.atom("never");
  const a6 = R.atom("timeout");
  const a7 = R.atom("hello");
  const a8 = R.atom("stop");
  const k0 = M.literals[0];
  const a9 = R.atom("echo");
  const a10 = R.atom("ok");
  const a11 = R.atom("codegen_receive");
  let i0, i1, i2, i3, i4, i5;
  function f0_main_0($r) {
    if ($r !== undefined) {
      return f0_main_0$r($r);
    }
    let t, d, x0, x1, x2, x3, y0, y1, y2, y3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f0_main_0, []);
    }
    d = ++S.depth;
    b12: {
      x0 = i0();
      x1 = a0;
      LN[d] = B + 1;
      x0 = send(x0, x1);
      x0 = i0();
      x1 = a1;
      LN[d] = B + 2;
      x0 = send(x0, x1);
      l3: for (; ; ) {
        b11: {
          b10: {
            b9: {
              b7: {
                b6: {
                  b5: {
                    b4: {
                      t = peekMessage();
                      if (t === undefined) {
                        break b12;
                      }
                      x0 = t;
                      if (!(x0 === a1)) {
                        break b11;
                      }
                      removeMessage();
                      t = peekMessage();
                      if (t === undefined) {
                        break b4;
                      }
                      x0 = t;
                      removeMessage();
                      y3 = x0;
                      break b5;
                    }
                    receiveTimedOut();
                    y3 = a2;
                  }
                  t = peekMessage();
                  if (t === undefined) {
                    break b6;
                  }
                  x0 = t;
                  removeMessage();
                  y2 = a3;
                  break b7;
                }
                receiveTimedOut();
                y2 = a4;
              }
              l7: for (; ; ) {
                b8: {
                  t = peekMessage();
                  if (t === undefined) {
                    break b9;
                  }
                  x0 = t;
                  if (!(x0 === a5)) {
                    break b8;
                  }
                  removeMessage();
                  y1 = a5;
                  break b10;
                }
                skipMessage();
                continue l7;
                break l7;
              }
            }
            LN[d] = B + 3;
            if (!waitTimeout(10)) {
              S.waiting = true;
              return suspendAt(f0_main_0, 7, [y0, y1, y2, y3], undefined, B + 4);
            }
            receiveTimedOut();
            y1 = a6;
          }
          LN[d] = B + 5;
          x0 = makeFun(0, []);
          LN[d] = B + 6;
          x0 = i1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 29, [y0, y1, y2, y3], undefined, LN[d]);
          }
          S.depth = d;
          y0 = x0;
          x1 = a7;
          LN[d] = B + 7;
          x0 = f1_call_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 30, [y0, y1, y2, y3], undefined, LN[d]);
          }
          S.depth = d;
          t = y0;
          y0 = x0;
          x0 = t;
          x1 = a8;
          LN[d] = B + 8;
          x0 = send(x0, x1);
          x0 = new Cons(y0, NIL);
          x0 = new Cons(y1, x0);
          x0 = new Cons(y2, x0);
          x0 = new Cons(y3, x0);
          x1 = new Cons(a1, x0);
          x0 = k0;
          LN[d] = B + 9;
          LN[d] = -1;
          return i2(x0, x1);
        }
        skipMessage();
        continue l3;
        break l3;
      }
    }
    LN[d] = B + 10;
    S.waiting = true;
    return suspendAt(f0_main_0, 3, [y0, y1, y2, y3], undefined, B + 4);
    LN[d] = B + 0;
    throw functionClause(f0_main_0, []);
  }
  function f0_main_0$r($r) {
    let L, t, d, x0, x1, x2, x3, y0, y1, y2, y3;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 2;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      y0 = $r.y[0];
      y1 = $r.y[1];
      y2 = $r.y[2];
      y3 = $r.y[3];
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
          x0 = i0();
          x1 = a0;
          LN[d] = B + 1;
          x0 = send(x0, x1);
          x0 = i0();
          x1 = a1;
          LN[d] = B + 2;
          x0 = send(x0, x1);
        case 3:
          t = peekMessage();
          if (t === undefined) {
            L = 12;
            continue;
          }
          x0 = t;
          if (!(x0 === a1)) {
            L = 11;
            continue;
          }
          removeMessage();
          t = peekMessage();
          if (t === undefined) {
            L = 4;
            continue;
          }
          x0 = t;
          removeMessage();
          y3 = x0;
          L = 5;
          continue;
        case 4:
          receiveTimedOut();
          y3 = a2;
        case 5:
          t = peekMessage();
          if (t === undefined) {
            L = 6;
            continue;
          }
          x0 = t;
          removeMessage();
          y2 = a3;
          L = 7;
          continue;
        case 6:
          receiveTimedOut();
          y2 = a4;
        case 7:
          t = peekMessage();
          if (t === undefined) {
            L = 9;
            continue;
          }
          x0 = t;
          if (!(x0 === a5)) {
            L = 8;
            continue;
          }
          removeMessage();
          y1 = a5;
          L = 10;
          continue;
        case 8:
          skipMessage();
          L = 7;
          continue;
        case 9:
          LN[d] = B + 3;
          if (!waitTimeout(10)) {
            S.waiting = true;
            return suspendAt(f0_main_0, 7, [y0, y1, y2, y3], undefined, B + 4);
          }
          receiveTimedOut();
          y1 = a6;
        case 10:
          LN[d] = B + 5;
          x0 = makeFun(0, []);
          LN[d] = B + 6;
          x0 = i1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 29, [y0, y1, y2, y3], undefined, LN[d]);
          }
        case 29:
          S.depth = d;
          y0 = x0;
          x1 = a7;
          LN[d] = B + 7;
          x0 = f1_call_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 30, [y0, y1, y2, y3], undefined, LN[d]);
          }
        case 30:
          S.depth = d;
          t = y0;
          y0 = x0;
          x0 = t;
          x1 = a8;
          LN[d] = B + 8;
          x0 = send(x0, x1);
          x0 = new Cons(y0, NIL);
          x0 = new Cons(y1, x0);
          x0 = new Cons(y2, x0);
          x0 = new Cons(y3, x0);
          x1 = new Cons(a1, x0);
          x0 = k0;
          LN[d] = B + 9;
          LN[d] = -1;
          return i2(x0, x1);
        case 11:
          skipMessage();
          L = 3;
          continue;
        case 12:
          LN[d] = B + 10;
          S.waiting = true;
          return suspendAt(f0_main_0, 3, [y0, y1, y2, y3], undefined, B + 4);
        default:
          throw new Error("codegen_receive:main/0: no label " + L);
      }
    }
  }
  function f1_call_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f1_call_2$r(x0, x1, $r);
    }
    let t, d, x2, x3, y0, y1;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f1_call_2, [x0, x1]);
    }
    d = ++S.depth;
    b17: {
      LN[d] = B + 12;
      y1 = x0;
      y0 = reserveMarker();
      x0 = i3();
      if (x0 === SUSPEND) {
        return suspendAt(f1_call_2, 100029, [y0, y1], undefined, LN[d]);
      }
      S.depth = d;
      x1 = i0();
      x1 = [x1, x0, a7];
      bindMarker(y0, x0);
      t = y1;
      y1 = x0;
      x0 = t;
      LN[d] = B + 13;
      x0 = send(x0, x1);
      useMarker(y1);
      l15: for (; ; ) {
        b16: {
          t = peekMessage();
          if (t === undefined) {
            break b17;
          }
          x0 = t;
          if (!Array.isArray(x0)) {
            break b16;
          }
          if (!(x0.length === 2)) {
            break b16;
          }
          x1 = x0[0];
          if (!(x1 === y1 || typeof x1 === "object" && eqx(x1, y1))) {
            break b16;
          }
          clearMarker(y1);
          x0 = x0[1];
          removeMessage();
          return x0;
        }
        skipMessage();
        continue l15;
        break l15;
      }
    }
    LN[d] = B + 14;
    S.waiting = true;
    return suspendAt(f1_call_2, 15, [y0, y1], undefined, B + 15);
    LN[d] = B + 11;
    throw functionClause(f1_call_2, [x0, x1]);
  }
  function f1_call_2$r(x0, x1, $r) {
    let L, t, d, x2, x3, y0, y1;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 14;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      y0 = $r.y[0];
      y1 = $r.y[1];
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 13:
          LN[d] = B + 11;
          throw functionClause(f1_call_2, [x0, x1]);
        case 14:
          LN[d] = B + 12;
          y1 = x0;
          y0 = reserveMarker();
          x0 = i3();
          if (x0 === SUSPEND) {
            return suspendAt(f1_call_2, 100029, [y0, y1], undefined, LN[d]);
          }
        case 100029:
          S.depth = d;
          x1 = i0();
          x1 = [x1, x0, a7];
          bindMarker(y0, x0);
          t = y1;
          y1 = x0;
          x0 = t;
          LN[d] = B + 13;
          x0 = send(x0, x1);
          useMarker(y1);
        case 15:
          t = peekMessage();
          if (t === undefined) {
            L = 17;
            continue;
          }
          x0 = t;
          if (!Array.isArray(x0)) {
            L = 16;
            continue;
          }
          if (!(x0.length === 2)) {
            L = 16;
            continue;
          }
          x1 = x0[0];
          if (!(x1 === y1 || typeof x1 === "object" && eqx(x1, y1))) {
            L = 16;
            continue;
          }
          clearMarker(y1);
          x0 = x0[1];
          removeMessage();
          return x0;
        case 16:
          skipMessage();
          L = 15;
          continue;
        case 17:
          LN[d] = B + 14;
          S.waiting = true;
          return suspendAt(f1_call_2, 15, [y0, y1], undefined, B + 15);
        default:
          throw new Error("codegen_receive:call/2: no label " + L);
      }
    }
  }
  function f2_echo_0($r) {
    if ($r !== undefined) {
      return f2_echo_0$r($r);
    }
    let t, d, x0, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f2_echo_0, []);
    }
    d = ++S.depth;
    top: for (; ; ) {
      b23: {
        l20: for (; ; ) {
          b22: {
            b21: {
              t = peekMessage();
              if (t === undefined) {
                break b23;
              }
              x0 = t;
              if (!Array.isArray(x0)) {
                break b21;
              }
              if (!(x0.length === 3)) {
                break b22;
              }
              x1 = x0[1];
              x2 = x0[2];
              removeMessage();
              x2 = [a9, x2];
              x1 = [x1, x2];
              x0 = x0[0];
              LN[d] = B + 17;
              x0 = send(x0, x1);
              if (--S.reds < 0 && preempt()) {
                return suspendEntry(f2_echo_0, []);
              }
              continue top;
            }
            if (!(x0 === a8)) {
              break b22;
            }
            removeMessage();
            x0 = a10;
            return x0;
          }
          skipMessage();
          continue l20;
          break l20;
        }
      }
      LN[d] = B + 18;
      S.waiting = true;
      return suspendAt(f2_echo_0, 20, undefined, undefined, B + 19);
      LN[d] = B + 16;
      throw functionClause(f2_echo_0, []);
    }
  }
  function f2_echo_0$r($r) {
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
          LN[d] = B + 16;
          throw functionClause(f2_echo_0, []);
        case 19:
        case 20:
          t = peekMessage();
          if (t === undefined) {
            L = 23;
            continue;
          }
          x0 = t;
          if (!Array.isArray(x0)) {
            L = 21;
            continue;
          }
          if (!(x0.length === 3)) {
            L = 22;
            continue;
          }
          x1 = x0[1];
          x2 = x0[2];
          removeMessage();
          x2 = [a9, x2];
          x1 = [x1, x2];
          x0 = x0[0];
          LN[d] = B + 17;
          x0 = send(x0, x1);
          if (--S.reds < 0 && preempt()) {
            return suspendEntry(f2_echo_0, []);
          }
          L = 19;
          continue;
        case 21:
          if (!(x0 === a8)) {
            L = 22;
            continue;
          }
          removeMessage();
          x0 = a10;
          return x0;
        case 22:
          skipMessage();
          L = 20;
          continue;
        case 23:
          LN[d] = B + 18;
          S.waiting = true;
          return suspendAt(f2_echo_0, 20, undefined, undefined, B + 19);
        default:
          throw new Error("codegen_receive:echo/0: no label " + L);
      }
    }
  }
  function f3_module_info_0($r) {
    if ($r !== undefined) {
      return f3_module_info_0$r($r);
    }
    let t, d, x0, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f3_module_info_0, []);
    }
    d = ++S.depth;
    LN[d] = B + 21;
    x0 = a11;
    LN[d] = -1;
    return i4(x0);
    LN[d] = B + 20;
    throw functionClause(f3_module_info_0, []);
  }
  function f3_module_info_0$r($r) {
    let L, t, d, x0, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 25;
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
        case 24:
          LN[d] = B + 20;
          throw functionClause(f3_module_info_0, []);
        case 25:
          LN[d] = B + 21;
          x0 = a11;
          LN[d] = -1;
          return i4(x0);
        default:
          throw new Error("codegen_receive:module_info/0: no label " + L);
      }
    }
  }
  function f4_module_info_1(x0, $r) {
    if ($r !== undefined) {
      return f4_module_info_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f4_module_info_1, [x0]);
    }
    d = ++S.depth;
    LN[d] = B + 23;
    x1 = x0;
    x0 = a11;
    LN[d] = -1;
    return i5(x0, x1);
    LN[d] = B + 22;
    throw functionClause(f4_module_info_1, [x0]);
  }
  function f4_module_info_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 27;
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
        case 26:
          LN[d] = B + 22;
          throw functionClause(f4_module_info_1, [x0]);
        case 27:
          LN[d] = B + 23;
          x1 = x0;
          x0 = a11;
          LN[d] = -1;
          return i5(x0, x1);
        default:
          throw new Error("codegen_receive:module_info/1: no label " + L);
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
    functions: [f0_main_0, f1_call_2, f2_echo_0, f3_module_info_0, f4_module_info_1],
    link
  };
});
