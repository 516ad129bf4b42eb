(function (R, M, B) {
  "use strict";
  const {S, SUSPEND, NONVALUE, Cons, NIL, ErlFloat, Atom, Pid, Ref, Port, BitString, ErlMap, ErlangException, TRUE, FALSE, suspendEntry, suspendAt, trmcEnd, preempt, raiseBy, eqx, eq, cmp, isInt, isNum, isFun, callFun, callFunLast, applyMFA, applyLast, functionClause, badmatch, caseClause, ifClause, tryClause, badRecord, catchValue, reraise, buildStacktrace, rawRaise, mapPut, mapUpdate, mapHasAll, mapGet, toFloat, checkFloat, createBin, BSW, appendByte, appendBytes, appendBinary, segmentBits, binAllBits, utfBits, startMatch, initWritable, BitWriter, bsAdd, utf8Size, utf16Size, send, peekMessage, skipMessage, removeMessage, waitTimeout, receiveTimedOut, reserveMarker, bindMarker, useMarker, clearMarker} = R;
  const LN = S.lns;
  const makeFun = (i, env) => R.makeFunFor(M.name.name, i, env);
  const k0 = M.literals[0];
  const a0 = R.atom("v");
  const k1 = M.literals[1];
  const a1 = R.atom("ok");
  const a2 = R.atom("two");
  const a3 = R.atom("one");
  const a4 = R.atom("zero");
  const a5 = R.atom("list");
  const a6 = R.atom("tuple");
  const a7 = R.atom("error");
  const a8 = R.atom("badarith");
  const k2 = M.literals[2];
  const a9 = R.atom("k");
  const a10 = R.atom("new");
  const a11 = R.atom("true");
  const a12 = R.atom("codegen_shapes");
  let i0, i1, i2, i3, i4, i5, i6;
  function f0_main_0($r) {
    if ($r !== undefined) {
      return f0_main_0$r($r);
    }
    let t, d, x0, x1, x2, x3, y0;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f0_main_0, []);
    }
    d = ++S.depth;
    x1 = 0;
    x0 = 5;
    LN[d] = B + 1;
    x0 = f1_count_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 31, [y0], undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 2;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 32, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x0 = k0;
    LN[d] = B + 3;
    x0 = f9__main_0_lc$_0_1_0__1(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 33, [y0], undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 4;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 34, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x1 = 3;
    x0 = 6;
    LN[d] = B + 5;
    x0 = f3_safe_div_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 35, [y0], undefined, LN[d]);
    }
    S.depth = d;
    y0 = x0;
    x1 = 0;
    x0 = 1;
    LN[d] = B + 6;
    x0 = f3_safe_div_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 36, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x0 = [y0, x0];
    LN[d] = B + 7;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 37, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x0 = 10;
    LN[d] = B + 8;
    x0 = f4_adder_1(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 38, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x1 = x0;
    x0 = 5;
    LN[d] = B + 9;
    x0 = callFun(x1, [x0]);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 39, [y0], undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 10;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 40, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x1 = a0;
    x0 = k1;
    LN[d] = B + 11;
    x0 = f5_tag_2(x0, x1);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 41, [y0], undefined, LN[d]);
    }
    S.depth = d;
    LN[d] = B + 12;
    x0 = i0(x0);
    if (x0 === SUSPEND) {
      return suspendAt(f0_main_0, 42, [y0], undefined, LN[d]);
    }
    S.depth = d;
    x0 = a1;
    return x0;
    LN[d] = B + 0;
    throw functionClause(f0_main_0, []);
  }
  function f0_main_0$r($r) {
    let L, t, d, x0, x1, x2, x3, y0;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 2;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      y0 = $r.y[0];
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
          x0 = 5;
          LN[d] = B + 1;
          x0 = f1_count_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 31, [y0], undefined, LN[d]);
          }
        case 31:
          S.depth = d;
          LN[d] = B + 2;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 32, [y0], undefined, LN[d]);
          }
        case 32:
          S.depth = d;
          x0 = k0;
          LN[d] = B + 3;
          x0 = f9__main_0_lc$_0_1_0__1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 33, [y0], undefined, LN[d]);
          }
        case 33:
          S.depth = d;
          LN[d] = B + 4;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 34, [y0], undefined, LN[d]);
          }
        case 34:
          S.depth = d;
          x1 = 3;
          x0 = 6;
          LN[d] = B + 5;
          x0 = f3_safe_div_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 35, [y0], undefined, LN[d]);
          }
        case 35:
          S.depth = d;
          y0 = x0;
          x1 = 0;
          x0 = 1;
          LN[d] = B + 6;
          x0 = f3_safe_div_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 36, [y0], undefined, LN[d]);
          }
        case 36:
          S.depth = d;
          x0 = [y0, x0];
          LN[d] = B + 7;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 37, [y0], undefined, LN[d]);
          }
        case 37:
          S.depth = d;
          x0 = 10;
          LN[d] = B + 8;
          x0 = f4_adder_1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 38, [y0], undefined, LN[d]);
          }
        case 38:
          S.depth = d;
          x1 = x0;
          x0 = 5;
          LN[d] = B + 9;
          x0 = callFun(x1, [x0]);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 39, [y0], undefined, LN[d]);
          }
        case 39:
          S.depth = d;
          LN[d] = B + 10;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 40, [y0], undefined, LN[d]);
          }
        case 40:
          S.depth = d;
          x1 = a0;
          x0 = k1;
          LN[d] = B + 11;
          x0 = f5_tag_2(x0, x1);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 41, [y0], undefined, LN[d]);
          }
        case 41:
          S.depth = d;
          LN[d] = B + 12;
          x0 = i0(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f0_main_0, 42, [y0], undefined, LN[d]);
          }
        case 42:
          S.depth = d;
          x0 = a1;
          return x0;
        default:
          throw new Error("codegen_shapes:main/0: no label " + L);
      }
    }
  }
  function f1_count_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f1_count_2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f1_count_2, [x0, x1]);
    }
    d = ++S.depth;
    top: for (; ; ) {
      b5: {
        if (!(x0 === 0)) {
          break b5;
        }
        x0 = x1;
        return x0;
      }
      LN[d] = B + 14;
      x2 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
      x1 = typeof x1 === "number" && typeof x0 === "number" && (t = x1 + x0) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, x0);
      x0 = x2;
      if (--S.reds < 0 && preempt()) {
        return suspendEntry(f1_count_2, [x0, x1]);
      }
      continue top;
      LN[d] = B + 13;
      throw functionClause(f1_count_2, [x0, x1]);
    }
  }
  function f1_count_2$r(x0, x1, $r) {
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
          LN[d] = B + 13;
          throw functionClause(f1_count_2, [x0, x1]);
        case 4:
          if (!(x0 === 0)) {
            L = 5;
            continue;
          }
          x0 = x1;
          return x0;
        case 5:
          LN[d] = B + 14;
          x2 = typeof x0 === "number" && (t = x0 - 1) <= 9007199254740991 && t >= -9007199254740991 ? t : i1(x0, 1);
          x1 = typeof x1 === "number" && typeof x0 === "number" && (t = x1 + x0) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x1, x0);
          x0 = x2;
          if (--S.reds < 0 && preempt()) {
            return suspendEntry(f1_count_2, [x0, x1]);
          }
          L = 4;
          continue;
        default:
          throw new Error("codegen_shapes:count/2: no label " + L);
      }
    }
  }
  function f2_classify_1(x0, $r) {
    if ($r !== undefined) {
      return f2_classify_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f2_classify_1, [x0]);
    }
    d = ++S.depth;
    b6: {
      b12: {
        b11: {
          b10: {
            b9: {
              b8: {
                if (!(x0 instanceof Atom)) {
                  break b8;
                }
                if (!(x0 === a2)) {
                  break b11;
                }
                return x0;
              }
              switch (x0) {
                case 0:
                  break b10;
                case 1:
                  break b9;
                default:
                  break b11;
              }
            }
            x0 = a3;
            return x0;
          }
          x0 = a4;
          return x0;
        }
        if (!(x0 instanceof Cons || x0 === NIL)) {
          break b12;
        }
        x0 = a5;
        return x0;
      }
      LN[d] = B + 16;
      if (!Array.isArray(x0)) {
        break b6;
      }
      x0 = i3(x0);
      x0 = [a6, x0];
      return x0;
    }
    LN[d] = B + 15;
    throw functionClause(f2_classify_1, [x0]);
  }
  function f2_classify_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
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
          LN[d] = B + 15;
          throw functionClause(f2_classify_1, [x0]);
        case 7:
          if (!(x0 instanceof Atom)) {
            L = 8;
            continue;
          }
          if (!(x0 === a2)) {
            L = 11;
            continue;
          }
          return x0;
        case 8:
          switch (x0) {
            case 0:
              L = 10;
              continue;
            case 1:
              L = 9;
              continue;
            default:
              L = 11;
              continue;
          }
        case 9:
          x0 = a3;
          return x0;
        case 10:
          x0 = a4;
          return x0;
        case 11:
          if (!(x0 instanceof Cons || x0 === NIL)) {
            L = 12;
            continue;
          }
          x0 = a5;
          return x0;
        case 12:
          LN[d] = B + 16;
          if (!Array.isArray(x0)) {
            L = 6;
            continue;
          }
          x0 = i3(x0);
          x0 = [a6, x0];
          return x0;
        default:
          throw new Error("codegen_shapes:classify/1: no label " + L);
      }
    }
  }
  function f3_safe_div_2(x0, x1, $r) {
    let L, t, d, x2, x3, y0, C = [];
    if ($r === undefined) {
      if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
        return suspendEntry(f3_safe_div_2, [x0, x1]);
      }
      d = ++S.depth;
      L = 14;
    } else {
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
        if ($r.C) {
          C = $r.C.slice();
        }
        if ($r.exc === undefined) {
          x0 = $r.value;
        } else {
          L = C[C.length - 1];
          x0 = NONVALUE;
          x1 = $r.exc.cls;
          x2 = $r.exc.reason;
          x3 = $r.exc;
        }
      }
    }
    for (; ; ) {
      try {
        for (; ; ) {
          switch (L) {
            case 13:
              LN[d] = B + 17;
              throw functionClause(f3_safe_div_2, [x0, x1]);
            case 14:
              LN[d] = B + 18;
              C.push(15);
              LN[d] = B + 19;
              x0 = typeof x0 === "number" && typeof x1 === "number" && x1 !== 0 ? (x0 - x0 % x1) / x1 + 0 : i4(x0, x1);
              C.pop();
              x0 = [a1, x0];
              return x0;
            case 15:
              LN[d] = B + 20;
              C.pop();
              x0 = x1;
              x1 = x2;
              x2 = x3;
              if (!(x0 === a7)) {
                L = 16;
                continue;
              }
              if (!(x1 === a8)) {
                L = 16;
                continue;
              }
              x0 = k2;
              return x0;
            case 16:
              LN[d] = B + 21;
              throw reraise(x2, x1);
            default:
              throw new Error("codegen_shapes:safe_div/2: no label " + L);
          }
        }
      } catch (e) {
        if (C.length > 0 && e instanceof ErlangException) {
          S.depth = d;
          L = C[C.length - 1];
          x0 = NONVALUE;
          x1 = e.cls;
          x2 = e.reason;
          x3 = e;
          continue;
        }
        throw e;
      }
    }
  }
  function f4_adder_1(x0, $r) {
    if ($r !== undefined) {
      return f4_adder_1$r(x0, $r);
    }
    let t, d, x1, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f4_adder_1, [x0]);
    }
    d = ++S.depth;
    LN[d] = B + 23;
    x0 = makeFun(0, [x0]);
    return x0;
    LN[d] = B + 22;
    throw functionClause(f4_adder_1, [x0]);
  }
  function f4_adder_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 18;
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
        case 17:
          LN[d] = B + 22;
          throw functionClause(f4_adder_1, [x0]);
        case 18:
          LN[d] = B + 23;
          x0 = makeFun(0, [x0]);
          return x0;
        default:
          throw new Error("codegen_shapes:adder/1: no label " + L);
      }
    }
  }
  function f5_tag_2(x0, x1, $r) {
    if ($r !== undefined) {
      return f5_tag_2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f5_tag_2, [x0, x1]);
    }
    d = ++S.depth;
    b19: {
      LN[d] = B + 25;
      if (!(x0 instanceof ErlMap)) {
        break b19;
      }
      t = mapGet(x0, a9);
      if (t === undefined) {
        break b19;
      }
      x2 = t;
      x1 = [x1, x2];
      x0 = mapPut(x0, [a10, a11]);
      x0 = mapUpdate(x0, [a9, x1]);
      return x0;
    }
    LN[d] = B + 24;
    throw functionClause(f5_tag_2, [x0, x1]);
  }
  function f5_tag_2$r(x0, x1, $r) {
    let L, t, d, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 20;
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
        case 19:
          LN[d] = B + 24;
          throw functionClause(f5_tag_2, [x0, x1]);
        case 20:
          LN[d] = B + 25;
          if (!(x0 instanceof ErlMap)) {
            L = 19;
            continue;
          }
          t = mapGet(x0, a9);
          if (t === undefined) {
            L = 19;
            continue;
          }
          x2 = t;
          x1 = [x1, x2];
          x0 = mapPut(x0, [a10, a11]);
          x0 = mapUpdate(x0, [a9, x1]);
          return x0;
        default:
          throw new Error("codegen_shapes:tag/2: no label " + L);
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
    LN[d] = B + 27;
    x0 = a12;
    LN[d] = -1;
    return i5(x0);
    LN[d] = B + 26;
    throw functionClause(f6_module_info_0, []);
  }
  function f6_module_info_0$r($r) {
    let L, t, d, x0, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      d = ++S.depth;
      L = 22;
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
        case 21:
          LN[d] = B + 26;
          throw functionClause(f6_module_info_0, []);
        case 22:
          LN[d] = B + 27;
          x0 = a12;
          LN[d] = -1;
          return i5(x0);
        default:
          throw new Error("codegen_shapes:module_info/0: no label " + L);
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
    LN[d] = B + 29;
    x1 = x0;
    x0 = a12;
    LN[d] = -1;
    return i6(x0, x1);
    LN[d] = B + 28;
    throw functionClause(f7_module_info_1, [x0]);
  }
  function f7_module_info_1$r(x0, $r) {
    let L, t, d, x1, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 24;
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
        case 23:
          LN[d] = B + 28;
          throw functionClause(f7_module_info_1, [x0]);
        case 24:
          LN[d] = B + 29;
          x1 = x0;
          x0 = a12;
          LN[d] = -1;
          return i6(x0, x1);
        default:
          throw new Error("codegen_shapes:module_info/1: no label " + L);
      }
    }
  }
  function f8__adder_1_fun_0__2(x0, x1, $r) {
    if ($r !== undefined) {
      return f8__adder_1_fun_0__2$r(x0, x1, $r);
    }
    let t, d, x2, x3;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f8__adder_1_fun_0__2, [x0, x1]);
    }
    d = ++S.depth;
    LN[d] = B + 31;
    x0 = typeof x0 === "number" && typeof x1 === "number" && (t = x0 + x1) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x0, x1);
    return x0;
    LN[d] = B + 30;
    throw functionClause(f8__adder_1_fun_0__2, [x0, x1]);
  }
  function f8__adder_1_fun_0__2$r(x0, x1, $r) {
    let L, t, d, x2, x3;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      x1 = $r.x[1];
      d = ++S.depth;
      L = 26;
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
        case 25:
          LN[d] = B + 30;
          throw functionClause(f8__adder_1_fun_0__2, [x0, x1]);
        case 26:
          LN[d] = B + 31;
          x0 = typeof x0 === "number" && typeof x1 === "number" && (t = x0 + x1) <= 9007199254740991 && t >= -9007199254740991 ? t : i2(x0, x1);
          return x0;
        default:
          throw new Error("codegen_shapes:-adder/1-fun-0-/2: no label " + L);
      }
    }
  }
  function f9__main_0_lc$_0_1_0__1(x0, $r) {
    if ($r !== undefined) {
      return f9__main_0_lc$_0_1_0__1$r(x0, $r);
    }
    let t, d, x1, x2, x3, y0, cf, cl;
    if ((--S.reds < 0 || S.depth > S.maxDepth) && preempt()) {
      return suspendEntry(f9__main_0_lc$_0_1_0__1, [x0]);
    }
    d = ++S.depth;
    top: for (; ; ) {
      b29: {
        LN[d] = B + 33;
        if (!(x0 instanceof Cons)) {
          break b29;
        }
        t = x0;
        x0 = t.head;
        y0 = t.tail;
        x0 = f2_classify_1(x0);
        if (x0 === SUSPEND) {
          {
            t = suspendAt(f9__main_0_lc$_0_1_0__1, 900031, [y0], undefined, LN[d]);
            return cf === undefined ? t : trmcEnd(t, cf, cl, LN[d - 1]);
          }
        }
        S.depth = d;
        t = y0;
        y0 = x0;
        x0 = t;
        LN[d] = B + 34;
        t = new Cons(y0, NIL);
        if (cf === undefined) {
          cf = t;
          LN[d + 1] = LN[d];
          d = ++S.depth;
        } else {
          cl.tail = t;
        }
        cl = t;
        if (--S.reds < 0 && preempt()) {
          {
            t = suspendEntry(f9__main_0_lc$_0_1_0__1, [x0]);
            return cf === undefined ? t : trmcEnd(t, cf, cl, LN[d - 1]);
          }
        }
        continue top;
      }
      {
        t = x0;
        return cf === undefined ? t : trmcEnd(t, cf, cl, LN[d - 1]);
      }
      LN[d] = B + 32;
      throw functionClause(f9__main_0_lc$_0_1_0__1, [x0]);
    }
  }
  function f9__main_0_lc$_0_1_0__1$r(x0, $r) {
    let L, t, d, x1, x2, x3, y0;
    L = $r.label;
    if (L === -1) {
      x0 = $r.x[0];
      d = ++S.depth;
      L = 28;
    } else {
      d = ++S.depth;
      LN[d] = $r.ln;
      y0 = $r.y[0];
      if ($r.exc === undefined) {
        x0 = $r.value;
      } else {
        throw $r.exc;
      }
    }
    for (; ; ) {
      switch (L) {
        case 27:
          LN[d] = B + 32;
          throw functionClause(f9__main_0_lc$_0_1_0__1, [x0]);
        case 28:
          LN[d] = B + 33;
          if (!(x0 instanceof Cons)) {
            L = 29;
            continue;
          }
          t = x0;
          x0 = t.head;
          y0 = t.tail;
          x0 = f2_classify_1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f9__main_0_lc$_0_1_0__1, 900031, [y0], undefined, LN[d]);
          }
        case 900031:
          S.depth = d;
          t = y0;
          y0 = x0;
          x0 = t;
          LN[d] = B + 34;
          x0 = f9__main_0_lc$_0_1_0__1(x0);
          if (x0 === SUSPEND) {
            return suspendAt(f9__main_0_lc$_0_1_0__1, 900032, [y0], undefined, LN[d]);
          }
        case 900032:
          S.depth = d;
          x0 = new Cons(y0, x0);
          return x0;
        case 29:
          return x0;
        default:
          throw new Error("codegen_shapes:-main/0-lc$^0/1-0-/1: no label " + L);
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
    i6 = imports[6];
  }
  return {
    functions: [f0_main_0, f1_count_2, f2_classify_1, f3_safe_div_2, f4_adder_1, f5_tag_2, f6_module_info_0, f7_module_info_1, f8__adder_1_fun_0__2, f9__main_0_lc$_0_1_0__1],
    link
  };
});
