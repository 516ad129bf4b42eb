%% Exceptions: N iterations, each calling 0..9 frames deep and then throwing (1/3),
%% raising an error (1/3) or returning (1/3), caught by try ... catch in the loop.
-module(exceptions).
-export([run/1]).

run(N) -> loop(0, N, 0).

loop(N, N, Acc) -> Acc;
loop(I, N, Acc) ->
    V = try dive(I rem 10, I) of
            R -> R
        catch
            throw:{found, X} -> X * 2;
            error:{bad, X} -> X * 3
        end,
    loop(I + 1, N, Acc + V).

dive(0, I) ->
    case I rem 3 of
        0 -> throw({found, I});
        1 -> error({bad, I});
        2 -> I
    end;
dive(D, I) -> dive(D - 1, I) + 1.
