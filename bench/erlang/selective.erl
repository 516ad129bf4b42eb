%% Selective receive over a big mailbox: the process sends itself 10,000 messages
%% {msg, 1..10000}, then N times picks a pseudo-random key (MINSTD) and receives exactly
%% {msg, Key}, which means scanning the mailbox from the oldest message up to that one
%% (on average half of it); it then sends the message to itself again, so the mailbox
%% stays at 10,000 and keeps changing order. Finally the mailbox is drained.
%% Checksum: {messages drained, hash of the keys in the order they were received}.
-module(selective).
-export([run/1]).

-define(MAILBOX, 10000).

run(N) ->
    [self() ! {msg, I} || I <- lists:seq(1, ?MAILBOX)],
    Hash = rounds(N, 42, 0),
    Drained = drain(0),
    {Drained, Hash}.

rounds(0, _, H) -> H;
rounds(K, Seed, H) ->
    Seed1 = Seed * 16807 rem 2147483647,
    Key = Seed1 rem ?MAILBOX + 1,
    receive
        {msg, Key} = M -> self() ! M
    end,
    rounds(K - 1, Seed1, (H * 31 + Key) rem 1000000007).

drain(C) ->
    receive {msg, _} -> drain(C + 1) after 0 -> C end.
