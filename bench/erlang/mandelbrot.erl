%% Float arithmetic in a tight loop: counts the points of an N x N grid over
%% [-1.5, 0.5] x [-1, 1] that stay bounded for 50 iterations.
-module(mandelbrot).
-export([run/1]).

-define(ITER, 50).

run(N) -> rows(0, N, 0).

rows(N, N, Acc) -> Acc;
rows(Y, N, Acc) ->
    Ci = 2.0 * Y / N - 1.0,
    rows(Y + 1, N, cols(0, N, Ci, Acc)).

cols(N, N, _Ci, Acc) -> Acc;
cols(X, N, Ci, Acc) ->
    Cr = 2.0 * X / N - 1.5,
    cols(X + 1, N, Ci, Acc + point(0.0, 0.0, Cr, Ci, 0)).

point(_Zr, _Zi, _Cr, _Ci, ?ITER) -> 1;
point(Zr, Zi, Cr, Ci, I) ->
    Tr = Zr * Zr,
    Ti = Zi * Zi,
    if
        Tr + Ti > 4.0 -> 0;
        true -> point(Tr - Ti + Cr, 2.0 * Zr * Zi + Ci, Cr, Ci, I + 1)
    end.
