#!/usr/bin/env node
// Generates test/vectors/hash.json from the real `erl`: erlang:phash/2 and erlang:phash2/1,2
// of a few thousand terms (hand-picked edge cases and seeded random terms of every type), so
// test/bif/hash.test.ts checks our hashes bit for bit against OTP's.
// Usage: node scripts/gen-hash-vectors.mjs   (needs erl/erlc on PATH; the output is committed)
//
// Format: "terms": [base64 term_to_binary, phash2(T, 2^32), phash(T, 2^32)], the full 32-bit
// hashes (phash's result minus one); "ranges": [term index, range, phash2/2, phash/2] where a
// result is a number or "!" and the error reason; "deep": [kind, size, phash2, phash] of deep
// or long terms the test builds itself (see deep/2 below); "etsBuckets": [key, bucket] for keys
// placed in fresh ETS set tables, for the ETS key hash (runtime/ets/keyhash.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'beamjs-hashvec-'));
try {
  writeFileSync(join(dir, 'hashgen.erl'), HASHGEN_ERL());
  execFileSync('erlc', ['-o', dir, join(dir, 'hashgen.erl')], { stdio: 'inherit' });
  const outFile = join(dir, 'out.txt');
  execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'hashgen', 'main', outFile, '-s', 'init', 'stop'], { stdio: 'inherit' });
  const lines = readFileSync(outFile, 'utf8').trim().split('\n');
  const num = (s) => (s.startsWith('!') ? s : Number(s));
  const terms = lines.filter((l) => l.startsWith('T ')).map((l) => l.slice(2).split(' ')).map(([b, h2, h]) => [b, Number(h2), Number(h)]);
  const ranges = lines
    .filter((l) => l.startsWith('R '))
    .map((l) => l.slice(2).split(' '))
    .map(([i, r, h2, h]) => [Number(i), r, num(h2), num(h)]);
  const deep = lines
    .filter((l) => l.startsWith('D '))
    .map((l) => l.slice(2).split(' '))
    .map(([kind, n, h2, h]) => [kind, Number(n), Number(h2), Number(h)]);
  const etsBuckets = lines
    .filter((l) => l.startsWith('B '))
    .map((l) => l.slice(2).split(' '))
    .map(([b, i]) => [b, Number(i)]);
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  writeFileSync(
    join(root, 'test/vectors/hash.json'),
    [
      '{"generator": "scripts/gen-hash-vectors.mjs", "otp": ' + JSON.stringify(otp) + ',',
      ' "note": "terms: [base64 term_to_binary, phash2(T, 1 bsl 32), phash(T, 1 bsl 32) - 1]; ranges: [term index, range (Erlang text), phash2/2, phash/2] (a number, or ! and the error reason); etsBuckets: [base64 key, the bucket (ets:slot/2 index) a fresh set table puts it in]",',
      ' "terms": [\n  ' + terms.map((t) => JSON.stringify(t)).join(',\n  ') + '\n ],',
      ' "ranges": [\n  ' + ranges.map((t) => JSON.stringify(t)).join(',\n  ') + '\n ],',
      ' "deep": ' + JSON.stringify(deep) + ',',
      ' "etsBuckets": [\n  ' + etsBuckets.map((t) => JSON.stringify(t)).join(',\n  ') + '\n ]',
      '}',
    ].join('\n') + '\n',
  );
  console.log(`wrote ${terms.length} terms, ${ranges.length} range cases, ${deep.length} deep terms, ${etsBuckets.length} ETS keys`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The Erlang side: builds the terms (random ones from a fixed seed) and hashes them.
function HASHGEN_ERL() {
  return String.raw`-module(hashgen).
-export([main/1, id/1]).
-compile(nowarn_deprecated_function).

main([Out]) ->
    rand:seed(exsss, {16#beef, 16#cafe, 16#f00d}),
    Terms = fixed() ++ [gen(3) || _ <- lists:seq(1, 2600)] ++ [gen(5) || _ <- lists:seq(1, 150)],
    {ok, F} = file:open(Out, [write, binary]),
    [io:put_chars(F, ["T ", base64:encode(term_to_binary(T, [{minor_version, 2}])), " ",
                      integer_to_list(erlang:phash2(T, 1 bsl 32)), " ",
                      integer_to_list(erlang:phash(T, 1 bsl 32) - 1), "\n"]) || T <- Terms],
    N = length(Terms),
    Ranges = ["1", "2", "3", "7", "1000", "65536", "4294967295", "4294967296", "134217728",
              "0", "-1", "4294967297", "18446744073709551616", "1.0", "a"],
    [io:put_chars(F, ["R ", integer_to_list(I), " ", R, " ", res(fun erlang:phash2/2, T, R), " ",
                      res(fun erlang:phash/2, T, R), "\n"])
     || {I, R} <- [{I0, lists:nth(1 + (I0 rem length(Ranges)), Ranges)} || I0 <- lists:seq(0, N - 1, 7)] ++
                  [{I0, R0} || I0 <- [0, 5, 40], R0 <- Ranges],
        T <- [lists:nth(I + 1, Terms)]],
    [io:put_chars(F, ["R ", integer_to_list(I), " ", integer_to_list(R), " ",
                      integer_to_list(erlang:phash2(lists:nth(I + 1, Terms), R)), " ",
                      integer_to_list(erlang:phash(lists:nth(I + 1, Terms), R)), "\n"])
     || I <- lists:seq(3, N - 1, 11), R <- [rand:uniform(1 bsl 32)]],
    %% ETS buckets: keys placed in fresh set tables (256 buckets, so at most 256 keys each)
    EtsKeys = maps:keys(maps:from_list([{K, true} || K <- ets_fixed() ++ [pgen(3) || _ <- lists:seq(1, 1600)]])),
    [begin
         Tab = ets:new(buckets, [set]),
         ets:insert(Tab, [{K} || K <- Batch]),
         [io:format(F, "B ~s ~w~n", [base64:encode(term_to_binary(K)), I]) || I <- lists:seq(0, 255), {K} <- ets:slot(Tab, I)],
         ets:delete(Tab)
     end || Batch <- batches(EtsKeys, 200)],
    [io:format(F, "D ~s ~w ~w ~w~n", [Kind, Size, erlang:phash2(T, 1 bsl 32), erlang:phash(T, 1 bsl 32) - 1])
     || {Kind, Size} <- [{"nested_list", 200000}, {"nested_tuple", 200000}, {"nested_map", 100000}, {"seq", 1000000}],
        T <- [deep(Kind, Size)]],
    ok = file:close(F).

res(Fun, T, Text) ->
    {ok, Toks, _} = erl_scan:string(Text ++ "."),
    {ok, [E]} = erl_parse:parse_exprs(Toks),
    {value, R, _} = erl_eval:expr(E, []),
    try Fun(T, R) of V -> integer_to_list(V)
    catch error:Reason -> lists:flatten(io_lib:format("!~w", [Reason]))
    end.

id(X) -> X.

batches([], _) -> [];
batches(L, N) when length(L) =< N -> [L];
batches(L, N) -> {A, B} = lists:split(N, L), [A | batches(B, N)].

%% Keys whose ETS hash does not depend on VM-internal state (no atoms inside compound terms,
%% no pids, ports or funs).
ets_fixed() ->
    [0, 1, -1, 255, 256, 1 bsl 27, -(1 bsl 27), 1 bsl 32, 1 bsl 59 - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
     1 bsl 64, -(1 bsl 64), 1 bsl 200, 0.0, -0.0, 1.0, -2.5, 1.0e300, [], [[]], {}, {[]}, "a", "abcd", "abcde",
     [256], [1 | 2], [[1] | [2]], <<>>, <<0>>, <<1:1>>, <<"abcdefghijklm">>, #{}, #{1 => 2}, #{[] => {}},
     a, ok, '', 'hello world', make_ref(), make_ref()].

pgen(0) -> pleaf();
pgen(D) ->
    case rand:uniform(7) of
        1 -> list_to_tuple([pgen(D - 1) || _ <- lists:seq(1, rand:uniform(4) - 1)]);
        2 -> [pgen(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)];
        3 -> lists:foldl(fun(E, Acc) -> [E | Acc] end, pleaf(), [pgen(D - 1) || _ <- lists:seq(1, rand:uniform(3))]);
        4 -> maps:from_list([{pleaf(), pgen(D - 1)} || _ <- lists:seq(1, rand:uniform(4) - 1)]);
        5 -> string();
        _ -> pleaf()
    end.

pleaf() ->
    case leaf() of
        X when is_atom(X); is_pid(X); is_port(X) -> rand:uniform(1 bsl 40);
        X -> X
    end.

%% Deep and long terms, which a recursive hash would overflow the stack on; the test rebuilds
%% them from the kind and size.
deep("nested_list", N) -> lists:foldl(fun(I, A) -> [I, A] end, [], lists:seq(1, N));
deep("nested_tuple", N) -> lists:foldl(fun(I, A) -> {A, I} end, {}, lists:seq(1, N));
deep("nested_map", N) -> lists:foldl(fun(I, A) -> #{I => A} end, #{}, lists:seq(1, N));
deep("seq", N) -> lists:seq(1, N).

%% Hand-picked edge cases of every type.
fixed() ->
    Ints = [0, 1, -1, 255, 256, -255, -256, 1 bsl 27 - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1,
            1 bsl 31, 1 bsl 32 - 1, 1 bsl 32, -(1 bsl 32), 1 bsl 53, 1 bsl 53 + 1, 1 bsl 59 - 1, 1 bsl 59,
            -(1 bsl 59), -(1 bsl 59) - 1, 1 bsl 60, 1 bsl 63, 1 bsl 64 - 1, 1 bsl 64, -(1 bsl 64), 1 bsl 96,
            1 bsl 128 + 1, -(1 bsl 200) + 12345, 1 bsl 1000, 1 bsl 32 + 1 bsl 96],
    Floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.0e300, -1.0e-300, 5.0e-324, 1.7976931348623157e308, 3.14159],
    Atoms = [a, b, '', true, false, undefined, ok, 'hello world', 'é', 'ÿ', 'Ā', '€', '日本語', 'aé€',
             list_to_atom(lists:duplicate(255, $z)), list_to_atom(lists:duplicate(255, 16#10FFFF)),
             'abcdefghijklmnopqrstuvwxyz'],
    Bins = [<<>>, <<0>>, <<1,2,3>>, <<"hello">>, list_to_binary(lists:seq(0, 255)),
            <<1:1>>, <<0:7>>, <<255, 3:2>>, <<"abcdefghijk">>, <<"abcdefghijkl">>, <<"abcdefghijklm">>,
            <<"abcdefghijklmnopqrstuvwx">>, <<"abcdefghijklmnopqrstuvwxy", 5:3>>,
            sub(<<"the quick brown fox">>, 3, 50), sub(<<"the quick brown fox">>, 5, 61),
            binary:copy(<<"xyz">>, 1000)],
    Lists = [[], [[]], "a", "ab", "abc", "abcd", "abcde", "abcdefgh", [1, 2 | 3], [a | b], [256],
             [1, 256, 2], [0, 255, -1, 1000, 3], "hello world", [$a, [], $b], [[], []], [a, b, c],
             lists:seq(1, 300), [1.0, 2.0], [<<>> | <<>>], "日本", [{}], [[1], [2 | 3]], [x | "abc"],
             ["abc" | "def"], [1, 2, 3, 4, 5 | 6], [1, 2, 3, 4 | 5]],
    Tuples = [{}, {{}}, {a}, {a, b}, {1, 2, 3}, {[]}, {[], []}, {a, [], b}, list_to_tuple(lists:seq(1, 100))],
    SmallMaps = [#{}, #{a => 1}, #{1 => a}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{[] => []},
                 #{{} => #{}}, #{1.0 => 1, 1 => 1.0}, #{<<"k">> => "v", "k" => <<"v">>}],
    BigMaps = [maps:from_list([{K, K * K} || K <- lists:seq(1, 33)]),
               maps:from_list([{integer_to_list(K), K} || K <- lists:seq(1, 100)]),
               maps:from_list([{list_to_atom("k" ++ integer_to_list(K)), [K]} || K <- lists:seq(1, 64)]),
               maps:from_list([{{K}, #{K => K}} || K <- lists:seq(1, 40)])],
    Pids = [self(), list_to_pid("<0.0.0>"), list_to_pid("<0.1.0>"), list_to_pid("<0.123.4>"),
            list_to_pid("<0.123.0>"), list_to_pid("<0.32767.8191>"),
            ext_pid('other@host', 77, 3, 5), ext_pid('other@host', 77, 0, 0), ext_pid('x@y', 4000000000, 7, 1)],
    Ports = [list_to_port("#Port<0.0>"), list_to_port("#Port<0.1>"), list_to_port("#Port<0.268435455>"),
             ext_port('other@host', 5, 1), ext_port('other@host', 1 bsl 40 + 17, 2),
             ext_port(node(), 123456, 0)],
    Refs = [make_ref(), make_ref(), list_to_ref("#Ref<0.0.0.0>"), list_to_ref("#Ref<0.1.2.3>"),
            list_to_ref("#Ref<0.3.2.1>"), ext_ref('other@host', 9, [7, 8, 9]),
            ext_ref('other@host', 9, [123456]), ext_ref('other@host', 1, [1, 2, 3, 4, 5])],
    Y = 42,
    Funs = [fun lists:map/2, fun erlang:phash2/1, fun ?MODULE:id/1, erlang:make_fun(nomod, nofun, 0),
            fun(X) -> X end, fun(X) -> X + Y end, fun() -> {Y, self()} end, fun(A, B) -> [A, B, Y, "s"] end,
            mk_fun(fakemod, 5, 5, 77, [a, 1]), mk_fun(fakemod, 5, 9, 77, []), mk_fun(fakemod, 9, 5, -77, [])],
    Ints ++ [-I || I <- Ints, I > 0] ++ [float(I) || I <- Ints, abs(I) < 1 bsl 1000] ++ Floats ++ Atoms ++
        Bins ++ Lists ++ Tuples ++ SmallMaps ++ BigMaps ++ Pids ++ Ports ++ Refs ++ Funs ++
        [{T} || T <- Atoms ++ Pids ++ Ports ++ Refs ++ Funs ++ SmallMaps ++ Bins] ++
        [[T] || T <- Atoms ++ Floats ++ Bins ++ SmallMaps ++ BigMaps] ++
        [#{T => T} || T <- Atoms ++ Ints ++ Lists ++ Bins] ++
        [#{k => T} || T <- Atoms ++ Lists ++ Tuples].

%% An unaligned sub-binary: Bits bits of Bin after skipping Skip bits.
sub(Bin, Skip, Bits) ->
    <<_:Skip, B:Bits/bits, _/bits>> = id(Bin),
    B.

atom_ext(A) ->
    B = atom_to_binary(A, utf8),
    <<119, (byte_size(B)), B/binary>>.

ext_pid(Node, Id, Serial, Creation) ->
    binary_to_term(<<131, 88, (atom_ext(Node))/binary, Id:32, Serial:32, Creation:32>>).
ext_port(Node, Id, Creation) ->
    binary_to_term(<<131, 120, (atom_ext(Node))/binary, Id:64, Creation:32>>).
ext_ref(Node, Creation, Ids) ->
    binary_to_term(<<131, 90, (length(Ids)):16, (atom_ext(Node))/binary, Creation:32,
                     << <<I:32>> || I <- Ids >>/binary>>).
%% A local fun of a module that does not exist, with the given new and old index.
mk_fun(Mod, Index, OldIndex, OldUniq, Env) ->
    Rest = <<1, 1:128, Index:32, (length(Env)):32, (atom_ext(Mod))/binary,
             98, OldIndex:32/signed, 98, OldUniq:32/signed, (pid_body(self()))/binary,
             << <<(strip(term_to_binary(E)))/binary>> || E <- Env >>/binary>>,
    binary_to_term(<<131, 112, (byte_size(Rest) + 4):32, Rest/binary>>).
pid_body(P) -> strip(term_to_binary(P)).
strip(<<131, B/binary>>) -> B.

%% Random terms.
gen(0) -> leaf();
gen(D) ->
    case rand:uniform(if D > 1 -> 10; true -> 9 end) of
        1 -> list_to_tuple([gen(D - 1) || _ <- lists:seq(1, rand:uniform(5) - 1)]);
        2 -> [gen(D - 1) || _ <- lists:seq(1, rand:uniform(6) - 1)];
        3 -> improper(D);
        4 -> maps:from_list([{gen(D - 1), gen(D - 1)} || _ <- lists:seq(1, rand:uniform(6) - 1)]);
        10 ->
            maps:from_list([{leaf(), leaf()} || _ <- lists:seq(1, 30 + rand:uniform(40))]);
        6 -> string();
        7 -> Env = [gen(D - 1) || _ <- lists:seq(1, rand:uniform(3) - 1)], fun() -> Env end;
        _ -> leaf()
    end.

improper(D) ->
    lists:foldl(fun(E, Acc) -> [E | Acc] end, leaf(), [gen(D - 1) || _ <- lists:seq(1, rand:uniform(4))]).

string() ->
    case rand:uniform(3) of
        1 -> [rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(20) - 1)];
        2 -> [rand:uniform(128) - 1 || _ <- lists:seq(1, rand:uniform(9))] ++ [rand:uniform(5000) || _ <- lists:seq(1, rand:uniform(3))];
        3 -> [case rand:uniform(3) of 1 -> rand:uniform(1000); _ -> rand:uniform(256) - 1 end || _ <- lists:seq(1, rand:uniform(12))]
    end.

leaf() ->
    case rand:uniform(14) of
        1 -> rand:uniform(1000) - 500;
        2 -> rand:uniform(1 bsl 30) - (1 bsl 29);
        3 -> S = rand:uniform(200), (rand:uniform(1 bsl S) - (1 bsl (S - 1)));
        4 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(60) - 30);
        5 -> <<F:64/float>> = <<(rand:uniform(1 bsl 62)):64>>, F;
        6 -> lists:nth(rand:uniform(8), [a, b, ok, error, '', 'Ünïcödé', 'δ', 'long_atom_name_here']);
        7 -> list_to_atom([rand:uniform(255) || _ <- lists:seq(1, rand:uniform(12))]);
        8 -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(40) - 1)]);
        9 -> N = rand:uniform(30), Bits = rand:uniform(7), <<(rand:uniform(1 bsl (N * 8 + Bits)) - 1):(N * 8 + Bits)>>;
        10 -> sub(crypto_free_bytes(40), rand:uniform(7), rand:uniform(300));
        11 -> list_to_pid("<0." ++ integer_to_list(rand:uniform(32767)) ++ "." ++ integer_to_list(rand:uniform(8191)) ++ ">");
        12 -> make_ref();
        13 -> [];
        14 -> list_to_port("#Port<0." ++ integer_to_list(rand:uniform(1 bsl 20)) ++ ">")
    end.

crypto_free_bytes(N) -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)]).
`;
}
