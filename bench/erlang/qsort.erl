%% Functional quicksort (list comprehensions and ++) of N pseudo-random integers produced
%% by the MINSTD linear congruential generator (products stay below 2^53).
%% The checksum is a polynomial hash of the sorted list, so it also checks the order.
-module(qsort).
-export([run/1]).

run(N) ->
    L = random_list(N, 42, []),
    hash(qsort(L), 0).

random_list(0, _X, Acc) -> Acc;
random_list(K, X, Acc) ->
    X1 = X * 16807 rem 2147483647,
    random_list(K - 1, X1, [X1 | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    qsort([X || X <- T, X < P]) ++ [P | qsort([X || X <- T, X >= P])].

hash([], H) -> H;
hash([X | T], H) -> hash(T, (H * 31 + X) rem 1000000007).
