%% Builds one binary by appending to it in a loop, the way Gleam code builds strings
%% (`acc <> piece` compiles to <<Acc/binary, Piece/binary>>): mostly single bytes, some
%% short literals and decimal numbers. Checksum: the size and a hash of every 1009th byte.
-module(binary_append).
-export([run/1]).

run(N) ->
    Bin = build(0, N, <<>>),
    {byte_size(Bin), sample(Bin, 0, 0)}.

build(N, N, Acc) -> Acc;
build(I, N, Acc) ->
    Acc1 = case I rem 16 of
               0 -> <<Acc/binary, (integer_to_binary(I))/binary, ",">>;
               1 -> <<Acc/binary, "gleam">>;
               _ -> <<Acc/binary, (I band 255)>>
           end,
    build(I + 1, N, Acc1).

sample(Bin, Pos, H) when Pos < byte_size(Bin) ->
    <<_:Pos/binary, B, _/binary>> = Bin,
    sample(Bin, Pos + 1009, (H * 31 + B) rem 1000000007);
sample(_Bin, _Pos, H) -> H.
