%% Bit syntax: generates N length-prefixed records
%%   <<Tag:8, Flags:4, Kind:4, Len:16, Id:32/little, Payload:Len/binary>>
%% into one binary (binary comprehension + iolist), then parses it with binary matching
%% four times, summing fields and payload bytes.
-module(bitsyntax).
-export([run/1]).

-define(P, 1000000007).

run(N) ->
    Bin = iolist_to_binary(generate(N, 7, [])),
    C = parse(Bin),
    C = parse(Bin),
    C = parse(Bin),
    C = parse(Bin),
    {byte_size(Bin), C}.

generate(0, _X, Acc) -> lists:reverse(Acc);
generate(K, X, Acc) ->
    X1 = X * 16807 rem 2147483647,
    Len = X1 rem 61,
    Tag = X1 band 255,
    Flags = (X1 bsr 8) band 15,
    Kind = (X1 bsr 12) band 15,
    Payload = << <<((X1 + J * 13) band 255)>> || J <- lists:seq(1, Len) >>,
    Rec = <<Tag:8, Flags:4, Kind:4, Len:16, X1:32/little, Payload/binary>>,
    generate(K - 1, X1, [Rec | Acc]).

parse(Bin) -> parse(Bin, 0, 0, 0, 0, 0).

parse(<<Tag:8, Flags:4, Kind:4, Len:16, Id:32/little, Payload:Len/binary, Rest/binary>>,
      Count, Tags, Bits, Ids, Bytes) ->
    parse(Rest, Count + 1, Tags + Tag, Bits + (Flags bxor Kind),
          (Ids * 31 + Id) rem ?P, sum_bytes(Payload, Bytes));
parse(<<>>, Count, Tags, Bits, Ids, Bytes) ->
    {Count, Tags, Bits, Ids, Bytes}.

sum_bytes(<<B, Rest/binary>>, Acc) -> sum_bytes(Rest, Acc + B);
sum_bytes(<<>>, Acc) -> Acc.
