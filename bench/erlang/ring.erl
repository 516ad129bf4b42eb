%% A ring of 1000 processes; a token carrying a hop counter goes round the ring for N hops
%% in total. Each hop is one send and one receive (a context switch). The node holding the
%% token when the counter reaches 0 reports its index; a stop message then travels round
%% the ring and ends every node. Checksum: {index of the final node, hops}.
-module(ring).
-export([run/1]).

-define(SIZE, 1000).

run(N) ->
    Main = self(),
    First = spawn(fun() ->
                          %% nodes SIZE..2, each pointing at the next; node SIZE points back here
                          Second = lists:foldl(fun(I, Next) -> spawn(fun() -> node(I, Next, Main) end) end,
                                               self(), lists:seq(?SIZE, 2, -1)),
                          node(1, Second, Main)
                  end),
    First ! {token, N},
    Last = receive {done, I} -> I end,
    First ! stop,
    receive stopped -> ok end,
    {Last, N}.

node(I, Next, Main) ->
    receive
        {token, 0} -> Main ! {done, I}, node(I, Next, Main);
        {token, K} -> Next ! {token, K - 1}, node(I, Next, Main);
        stop when I =:= ?SIZE -> Main ! stopped;
        stop -> Next ! stop
    end.
