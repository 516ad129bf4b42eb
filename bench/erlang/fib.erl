%% Naive doubly recursive Fibonacci: function calls and small-integer arithmetic.
-module(fib).
-export([run/1]).

run(N) -> fib(N).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
