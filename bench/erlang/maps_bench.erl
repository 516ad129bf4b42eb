%% Maps with N integer keys (scattered by a multiplicative hash): insert every key, look
%% every key up, then update every value. Checksum: the size and two sums.
%% (Named maps_bench because `maps` is the stdlib module.)
-module(maps_bench).
-export([run/1]).

run(N) ->
    Keys = [key(I) || I <- lists:seq(1, N)],
    M1 = lists:foldl(fun(K, M) -> M#{K => K band 1023} end, #{}, Keys),
    Sum1 = lists:foldl(fun(K, S) -> S + maps:get(K, M1) end, 0, Keys),
    M2 = lists:foldl(fun(K, M) -> #{K := V} = M, M#{K := V + 1} end, M1, Keys),
    Sum2 = maps:fold(fun(_K, V, S) -> S + V end, 0, M2),
    {map_size(M2), Sum1, Sum2}.

key(I) -> I * 2654435761 rem 4294967296.
