%% Not a timed benchmark (it is not in run.mjs's BENCHMARKS): how much memory an idle
%% process costs. Spawns N processes (default 100,000) that block in receive, and prints
%% the growth of erlang:memory(processes) and erlang:memory(total) divided by N. See
%% bench/README.md for how to run it on erl and on beamjs.
-module(idle_procs).
-export([main/0, main/1]).

main() -> main(100000).

main(N) ->
    erlang:garbage_collect(),
    P0 = erlang:memory(processes),
    T0 = erlang:memory(total),
    Pids = [spawn(fun idle/0) || _ <- lists:seq(1, N)],
    %% let every process reach its receive
    Ref = make_ref(),
    [P ! {ping, self(), Ref} || P <- Pids],
    [receive {pong, Ref} -> ok end || _ <- Pids],
    P1 = erlang:memory(processes),
    T1 = erlang:memory(total),
    io:format("~b idle processes: ~b bytes each (memory(processes)), ~b bytes each (memory(total))~n",
              [N, (P1 - P0) div N, (T1 - T0) div N]),
    [exit(P, kill) || P <- Pids],
    ok.

idle() ->
    receive
        {ping, From, Ref} -> From ! {pong, Ref}, idle();
        stop -> ok
    end.
