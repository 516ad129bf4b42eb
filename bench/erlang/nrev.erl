%% Naive reverse: quadratic list append, i.e. cons-cell allocation and list traversal.
%% run(N) naive-reverses a 500-element list N times.
-module(nrev).
-export([run/1]).

run(N) ->
    L = lists:seq(1, 500),
    loop(N, L, 0).

loop(0, _L, Acc) -> Acc;
loop(K, L, Acc) ->
    [H | _] = R = nrev(L),
    loop(K - 1, L, Acc + H + length(R)).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
