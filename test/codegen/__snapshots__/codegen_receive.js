(function (R, M) {
  "use strict";
  const {S, SUSPEND, NONVALUE, Cons, NIL, ErlFloat, Atom, Pid, Ref, Port, BitString, ErlMap, ErlangException, TRUE, FALSE, suspendEntry, suspendAt, eqx, eq, cmp, isInt, isNum, isFun, callFun, callFunLast, applyMFA, applyLast, functionClause, badmatch, caseClause, ifClause, tryClause, badRecord, catchValue, reraise, buildStacktrace, rawRaise, mapPut, mapUpdate, mapHasAll, mapGet, toFloat, checkFloat, createBin, BSW, appendByte, appendBytes, appendBinary, segmentBits, binAllBits, utfBits, startMatch, initWritable, BitWriter, bsAdd, utf8Size, utf16Size, send, peekMessage, skipMessage, removeMessage, waitTimeout, receiveTimedOut, reserveMarker, bindMarker, useMarker, clearMarker} = R;
  const FN = S.fns;
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
    let L, ln = 0, t, d, x0, x1, x2, x3, y0, y1, y2, y3;
    if ($r === undefined) {
      if (--S.reds < 0 || S.depth > S.maxDepth) {
        return suspendEntry(f0_main_0, []);
      }
      L = 2;
    } else {
      L = $r.label;
      if (L === -1) {
        L = 2;
      } else {
        y0 = $r.y[0];
        y1 = $r.y[1];
        y2 = $r.y[2];
        y3 = $r.y[3];
        ln = $r.ln;
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          throw $r.exc;
        }
      }
    }
    d = ++S.depth;
    FN[d] = f0_main_0;
    LN[d] = ln;
    for (; ; ) {
      switch (L) {
        case 1:
          LN[d] = 1;
          throw functionClause(f0_main_0, []);
        case 2:
          LN[d] = 1;
          x0 = i0();
          x1 = a0;
          LN[d] = 2;
          x0 = send(x0, x1);
          x0 = i0();
          x1 = a1;
          LN[d] = 3;
          x0 = send(x0, x1);
        case 3:
          LN[d] = 3;
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
          LN[d] = 3;
          receiveTimedOut();
          y3 = a2;
        case 5:
          LN[d] = 3;
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
          LN[d] = 3;
          receiveTimedOut();
          y2 = a4;
        case 7:
          LN[d] = 3;
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
          LN[d] = 3;
          skipMessage();
          L = 7;
          continue;
        case 9:
          LN[d] = 3;
          if (!waitTimeout(10)) {
            S.waiting = true;
            return suspendAt(f0_main_0, 7, [y0, y1, y2, y3], undefined, 3);
          }
          receiveTimedOut();
          y1 = a6;
        case 10:
          LN[d] = 3;
          x0 = makeFun(0, []);
          LN[d] = 4;
          x0 = i1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 29, [y0, y1, y2, y3], undefined, LN[d]);
          }
        case 29:
          y0 = x0;
          x1 = a7;
          LN[d] = 5;
          x0 = f1_call_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 30, [y0, y1, y2, y3], undefined, LN[d]);
          }
        case 30:
          t = y0;
          y0 = x0;
          x0 = t;
          x1 = a8;
          LN[d] = 6;
          x0 = send(x0, x1);
          x0 = new Cons(y0, NIL);
          x0 = new Cons(y1, x0);
          x0 = new Cons(y2, x0);
          x0 = new Cons(y3, x0);
          x1 = new Cons(a1, x0);
          x0 = k0;
          LN[d] = 7;
          --S.depth;
          return i2(x0, x1);
        case 11:
          LN[d] = 7;
          skipMessage();
          L = 3;
          continue;
        case 12:
          LN[d] = 7;
          S.waiting = true;
          return suspendAt(f0_main_0, 3, [y0, y1, y2, y3], undefined, 3);
        default:
          throw new Error("codegen_receive:main/0: no label " + L);
      }
    }
  }
  function f1_call_2(x0, x1, $r) {
    let L, ln = 0, t, d, x2, x3, y0, y1;
    if ($r === undefined) {
      if (--S.reds < 0 || S.depth > S.maxDepth) {
        return suspendEntry(f1_call_2, [x0, x1]);
      }
      L = 14;
    } else {
      L = $r.label;
      if (L === -1) {
        x0 = $r.x[0];
        x1 = $r.x[1];
        L = 14;
      } else {
        y0 = $r.y[0];
        y1 = $r.y[1];
        ln = $r.ln;
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          throw $r.exc;
        }
      }
    }
    d = ++S.depth;
    FN[d] = f1_call_2;
    LN[d] = ln;
    for (; ; ) {
      switch (L) {
        case 13:
          LN[d] = 8;
          throw functionClause(f1_call_2, [x0, x1]);
        case 14:
          LN[d] = 8;
          y1 = x0;
          y0 = reserveMarker();
          x0 = i3();
          if (x0 === SUSPEND) {
            return suspendAt(f1_call_2, 100029, [y0, y1], undefined, LN[d]);
          }
        case 100029:
          x1 = i0();
          x1 = [x1, x0, a7];
          bindMarker(y0, x0);
          t = y1;
          y1 = x0;
          x0 = t;
          LN[d] = 9;
          x0 = send(x0, x1);
          useMarker(y1);
        case 15:
          LN[d] = 9;
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
          --S.depth;
          return x0;
        case 16:
          LN[d] = 9;
          skipMessage();
          L = 15;
          continue;
        case 17:
          LN[d] = 9;
          S.waiting = true;
          return suspendAt(f1_call_2, 15, [y0, y1], undefined, 9);
        default:
          throw new Error("codegen_receive:call/2: no label " + L);
      }
    }
  }
  function f2_echo_0($r) {
    let L, ln = 0, t, d, x0, x1, x2, x3;
    if ($r === undefined) {
      if (--S.reds < 0 || S.depth > S.maxDepth) {
        return suspendEntry(f2_echo_0, []);
      }
      L = 19;
    } else {
      L = $r.label;
      if (L === -1) {
        L = 19;
      } else {
        ln = $r.ln;
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          throw $r.exc;
        }
      }
    }
    d = ++S.depth;
    FN[d] = f2_echo_0;
    LN[d] = ln;
    for (; ; ) {
      switch (L) {
        case 18:
          LN[d] = 10;
          throw functionClause(f2_echo_0, []);
        case 19:
          LN[d] = 10;
        case 20:
          LN[d] = 10;
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
          LN[d] = 11;
          x0 = send(x0, x1);
          if (--S.reds < 0) {
            --S.depth;
            return suspendEntry(f2_echo_0, []);
          }
          L = 19;
          continue;
        case 21:
          LN[d] = 11;
          if (!(x0 === a8)) {
            L = 22;
            continue;
          }
          removeMessage();
          x0 = a10;
          --S.depth;
          return x0;
        case 22:
          LN[d] = 11;
          skipMessage();
          L = 20;
          continue;
        case 23:
          LN[d] = 11;
          S.waiting = true;
          return suspendAt(f2_echo_0, 20, undefined, undefined, 10);
        default:
          throw new Error("codegen_receive:echo/0: no label " + L);
      }
    }
  }
  function f3_module_info_0($r) {
    let L, ln = 0, t, d, x0, x1, x2, x3;
    if ($r === undefined) {
      if (--S.reds < 0 || S.depth > S.maxDepth) {
        return suspendEntry(f3_module_info_0, []);
      }
      L = 25;
    } else {
      L = $r.label;
      if (L === -1) {
        L = 25;
      } else {
        ln = $r.ln;
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          throw $r.exc;
        }
      }
    }
    d = ++S.depth;
    FN[d] = f3_module_info_0;
    LN[d] = ln;
    for (; ; ) {
      switch (L) {
        case 24:
          LN[d] = 0;
          throw functionClause(f3_module_info_0, []);
        case 25:
          LN[d] = 0;
          x0 = a11;
          --S.depth;
          return i4(x0);
        default:
          throw new Error("codegen_receive:module_info/0: no label " + L);
      }
    }
  }
  function f4_module_info_1(x0, $r) {
    let L, ln = 0, t, d, x1, x2, x3;
    if ($r === undefined) {
      if (--S.reds < 0 || S.depth > S.maxDepth) {
        return suspendEntry(f4_module_info_1, [x0]);
      }
      L = 27;
    } else {
      L = $r.label;
      if (L === -1) {
        x0 = $r.x[0];
        L = 27;
      } else {
        ln = $r.ln;
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          throw $r.exc;
        }
      }
    }
    d = ++S.depth;
    FN[d] = f4_module_info_1;
    LN[d] = ln;
    for (; ; ) {
      switch (L) {
        case 26:
          LN[d] = 0;
          throw functionClause(f4_module_info_1, [x0]);
        case 27:
          LN[d] = 0;
          x1 = x0;
          x0 = a11;
          --S.depth;
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
