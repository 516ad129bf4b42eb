%% Big integers: N! by repeated multiplication, and the power sum 1^1 + 2^2 + ... + N^N
%% with exponentiation by squaring. Checksum: decimal digit counts and residues.
-module(bignum).
-export([run/1]).

-define(P, 1000000007).

run(N) ->
    F = fact(N),
    S = power_sum(1, N, 0),
    {length(integer_to_list(F)), F rem ?P, length(integer_to_list(S)), S rem ?P}.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

power_sum(I, N, Acc) when I > N -> Acc;
power_sum(I, N, Acc) -> power_sum(I + 1, N, Acc + pow(I, I)).

pow(_B, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> pow(B * B, E div 2);
pow(B, E) -> B * pow(B * B, E div 2).
