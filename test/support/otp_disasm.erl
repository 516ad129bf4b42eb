%% Prints beam_disasm:file/1's view of each .beam file named on standard input (one path
%% per line) in the canonical text form of test/support/canonical.ts:
%%   == Path
%%   F Name/Arity Entry        (then one canonical instruction per line)
%%   !! Path Reason            (when beam_disasm itself fails)
%% Type-tagged registers {tr,Reg,{Type,Min,Max}} (OTP 25's Type chunk) are rewritten to
%% {tr,Reg,{type,Names,Min,Max,Unit}} as the TypeScript side writes them.
-module(otp_disasm).
-export([main/1]).
-include_lib("compiler/src/beam_disasm.hrl").

main(_) ->
    ok = io:setopts(standard_io, [binary]),
    loop().

loop() ->
    case io:get_line(standard_io, "") of
        Line when is_binary(Line) ->
            Path = string:trim(binary_to_list(Line)),
            file(Path),
            loop();
        _EofOrError ->
            ok
    end.

file(Path) ->
    case beam_disasm:file(Path) of
        #beam_file{code = Code} ->
            Out = [["== ", Path, "\n"] | [function(F) || F <- Code]],
            ok = file:write(standard_io, Out);
        {error, _, Reason} ->
            io:format("!! ~s ~0p~n", [Path, Reason])
    end.

function(#function{name = N, arity = A, entry = E, code = Is}) ->
    [io_lib:format("F ~s/~w ~w~n", [c(N), A, E]) | [[c(types(I)), "\n"] || I <- Is]].

types({tr, Reg, {Type, Min0, Max0}}) ->
    %% OTP 25's beam_disasm reads the bounds unsigned; they are stored signed.
    <<Min:64/signed>> = <<Min0:64>>,
    <<Max:64/signed>> = <<Max0:64>>,
    <<Bits:16, _/binary>> = beam_types:encode_ext(Type),
    Names = [N || {Bit, N} <- [{0, atom}, {1, bitstring}, {2, match_state}, {3, cons}, {4, float},
                               {5, 'fun'}, {6, integer}, {7, map}, {8, nil}, {9, pid},
                               {10, port}, {11, reference}, {12, tuple}],
                  Bits band (1 bsl Bit) =/= 0],
    {Lo, Hi} = if Min =< Max -> {Min, Max}; true -> {'-inf', '+inf'} end,
    {tr, Reg, {type, Names, Lo, Hi, 1}};
types(T) when is_tuple(T) -> list_to_tuple([types(E) || E <- tuple_to_list(T)]);
types([H | T]) -> [types(H) | types(T)];
types(T) -> T.

c(I) when is_integer(I) -> integer_to_list(I);
c(A) when is_atom(A) -> [$', esc(atom_to_binary(A, utf8)), $'];
c(F) when is_float(F) -> [$F, hex(<<F:64/float>>)];
c(T) when is_tuple(T) -> [${, join([c(E) || E <- tuple_to_list(T)]), $}];
c([]) -> "[]";
c(L) when is_list(L) -> [$[, improper(L), $]];
c(B) when is_bitstring(B) ->
    Pad = (8 - bit_size(B) rem 8) rem 8,
    ["<<", hex(<<B/bitstring, 0:Pad>>), $:, integer_to_list(bit_size(B)), ">>"];
c(M) when is_map(M) ->
    ["#{", join(lists:sort([lists:flatten(io_lib:format("~s=>~s", [c(K), c(V)])) || {K, V} <- maps:to_list(M)])), $}];
c(F) when is_function(F) ->
    case erlang:fun_info(F, type) of
        {type, external} ->
            {module, M} = erlang:fun_info(F, module),
            {name, N} = erlang:fun_info(F, name),
            {arity, A} = erlang:fun_info(F, arity),
            ["fun ", c(M), $:, c(N), $/, integer_to_list(A)];
        _ ->
            {module, M} = erlang:fun_info(F, module),
            ["#Fun<", c(M), ">"]
    end;
c(P) when is_pid(P) -> "<pid>";
c(P) when is_port(P) -> "<port>";
c(R) when is_reference(R) -> "<ref>".

improper([H | T]) when is_list(T), T =/= [] -> [c(H), $, | improper(T)];
improper([H]) -> [c(H)];
improper([H | T]) -> [c(H), $|, c(T)].

join([]) -> [];
join([H | T]) -> [H | [[$,, E] || E <- T]].

esc(Bin) -> [if B >= 16#20, B =< 16#7e, B =/= $', B =/= $\\ -> B;
                true -> io_lib:format("\\x~2.16.0b", [B]) end || <<B>> <= Bin].

hex(Bin) -> [io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin].
