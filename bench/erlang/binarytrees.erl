%% The Benchmarks Game's binary-trees: allocation of many short-lived tuples.
%% run(N) uses N as the maximum depth; the result sums every check.
-module(binarytrees).
-export([run/1]).

-define(MIN_DEPTH, 4).

run(N) ->
    Max = max(?MIN_DEPTH + 2, N),
    Stretch = check(make(Max + 1)),
    LongLived = make(Max),
    Iterations = depths(?MIN_DEPTH, Max, 0),
    {Stretch, Iterations, check(LongLived)}.

depths(D, Max, Acc) when D > Max -> Acc;
depths(D, Max, Acc) ->
    Iters = 1 bsl (Max - D + ?MIN_DEPTH),
    depths(D + 2, Max, Acc + iterate(Iters, D, 0)).

iterate(0, _D, Acc) -> Acc;
iterate(I, D, Acc) -> iterate(I - 1, D, Acc + check(make(D))).

make(0) -> nil;
make(D) -> {make(D - 1), make(D - 1)}.

check(nil) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
