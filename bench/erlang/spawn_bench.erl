%% Spawn N short processes, each of which sends one message back to the parent and exits;
%% the parent collects every reply. Processes are spawned in batches of 1000 (collected
%% before the next batch), so at most 1000 are alive at a time, well under erl's default
%% process limit. Checksum: {replies, sum of the values sent}.
%% (Named spawn_bench to keep clear of the spawn BIFs.)
-module(spawn_bench).
-export([run/1]).

-define(BATCH, 1000).

run(N) -> batches(N, 0, 0, 0).

batches(N, Done, Count, Sum) when Done >= N -> {Count, Sum};
batches(N, Done, Count, Sum) ->
    B = min(?BATCH, N - Done),
    Parent = self(),
    spawn_all(Parent, Done + 1, Done + B),
    {C, S} = collect(B, 0, 0),
    batches(N, Done + B, Count + C, Sum + S).

spawn_all(_, I, Last) when I > Last -> ok;
spawn_all(Parent, I, Last) ->
    spawn(fun() -> Parent ! {reply, I rem 1000} end),
    spawn_all(Parent, I + 1, Last).

collect(0, C, S) -> {C, S};
collect(K, C, S) ->
    receive {reply, V} -> collect(K - 1, C + 1, S + V) end.
