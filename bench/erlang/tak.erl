%% Takeuchi's function: deep non-tail recursion, comparisons and decrements.
%% run(N) evaluates tak(18 + I rem 3, 12, 6) for I in 0..N-1 and sums the results.
-module(tak).
-export([run/1]).

run(N) -> loop(0, N, 0).

loop(N, N, Acc) -> Acc;
loop(I, N, Acc) -> loop(I + 1, N, Acc + tak(18 + I rem 3, 12, 6)).

tak(X, Y, Z) when Y < X ->
    tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.
