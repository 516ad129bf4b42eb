#!/usr/bin/env node
// Generates test/vectors/map-order.json from the real `erl`: how OTP lays out, iterates, prints
// and encodes maps, above all large ones (> 32 keys, HAMTs whose order follows the internal
// term hash). test/term/map-order.test.ts rebuilds every map with the runtime's own map
// operations and checks each recorded observation.
// Usage: node scripts/gen-map-vectors.mjs   (needs erl/erlc on PATH; the output is committed)
//
// A map is described by a recipe, an Erlang term both sides know how to build:
//   {seq, A, B}               maps:from_list([{I, I} || I <- lists:seq(A, B)])
//   {scaled, N, Mul, Mod}     maps:from_list([{I * Mul rem Mod, I} || I <- lists:seq(1, N)])
//   {pairs, [{K, V}]}         maps:from_list(Pairs)
//   {puts, R, [{K, V}]}       maps:put/3 one pair after another, onto R
//   {updates, R, [{K, V}]}    maps:update/3 likewise
//   {removes, R, [K]}         maps:remove/2 likewise
//   {merge, R1, R2}           maps:merge/2
// Per recipe erl records: the size; the keys in iteration order (maps:fold, maps:next, ~p) as
// term_to_binary of the list, and its SHA-1 (only that for big maps); whether maps:keys/1 (and
// maps:to_list/1, term_to_binary) list them in that order or reversed; and for maps up to
// TEXT_LIMIT keys erlang:display/1's text (which shows the HAMT itself), ~w and term_to_binary
// of the map; and the iterator path after the first batch of 32 (erts_internal:map_next/3).
//
// Atom keys hash by their index in the VM's atom table, which no other runtime shares, so the
// atom vectors create fresh atoms, record each one's index, and the test hashes stand-ins
// carrying those indices.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Maps up to this size also record display, ~w and term_to_binary text. */
const TEXT_LIMIT = 300;
/** Maps up to this size record their order in full; bigger ones only its SHA-1. */
const ORDER_LIMIT = 6000;

// Recipes use no atom keys (see above); atoms as values are fine.
const R = (name, recipe) => ({ name, recipe });
const seqs = [0, 1, 5, 31, 32, 33, 34, 40, 47, 48, 50, 64, 100, 128, 200, 255, 256, 300, 500, 1000, 1500, 2000, 3000, 5000];
const recipes = [
  ...seqs.map((n) => R(`integers 0..${n}`, `{seq, 0, ${n}}`)),
  R('integers 1..100000', '{seq, 1, 100000}'),
  R('integers -50..50', '{seq, -50, 50}'),
  R('integers -3000..-1', '{seq, -3000, -1}'),
  R('scattered integers (the maps benchmark keys)', '{scaled, 3000, 2654435761, 4294967296}'),
  R('scattered integers, 200000 of them', '{scaled, 200000, 2654435761, 4294967296}'),
  R('integers colliding in all 32 hash bits', '{pairs, [{K, K} || K <- [40660, 59671, 22575, 119693, 121236, 167527, 301183, 435055 | lists:seq(1, 40)]]}'),
  R('big integers around the small/bignum boundaries', `{pairs, [{K, I} || {K, I} <- lists:zip([(1 bsl B) + D || B <- [27, 28, 31, 32, 52, 53, 58, 59, 60, 63, 64, 65, 100, 128, 200], D <- [-1, 0, 1]] ++ [-((1 bsl B) + D) || B <- [27, 28, 31, 32, 52, 53, 58, 59, 60, 63, 64, 65, 100, 128, 200], D <- [-1, 0, 1]], lists:seq(1, 90)), true]}`),
  R('huge integers', '{pairs, [{(1 bsl (I * 37)) * 7 + I, I} || I <- lists:seq(1, 60)] ++ [{-(3 bsl (I * 41)), I} || I <- lists:seq(1, 40)]}'),
  R('floats', '{pairs, [{I / 7, I} || I <- lists:seq(-40, 40)] ++ [{0.0, zero}, {1.0e300, big}, {5.0e-324, tiny}, {-1.5e-300, neg}]}'),
  R('floats and equal integers (1 and 1.0 are distinct keys)', '{pairs, [{I, int} || I <- lists:seq(1, 30)] ++ [{float(I), float} || I <- lists:seq(1, 30)]}'),
  R('binaries', '{pairs, [{list_to_binary(lists:seq(1, I rem 30)), I} || I <- lists:seq(0, 29)] ++ [{<<I:32>>, I} || I <- lists:seq(1, 70)] ++ [{binary:copy(<<I>>, 13 + I), I} || I <- lists:seq(1, 20)]}'),
  R('bitstrings', '{pairs, [{<<I:N>>, {I, N}} || N <- [1, 3, 7, 9, 15, 17, 33], I <- lists:seq(0, 9)]}'),
  R('sub-binaries', '{pairs, [{binary:part(<<"0123456789abcdefghijklmnopqrstuvwxyz">>, I, 5), I} || I <- lists:seq(0, 31)] ++ [{X, bits} || I <- lists:seq(1, 40), <<_:I, X:40/bitstring, _/bitstring>> <- [<<"0123456789abcdefghijklmnopqrstuvwxyz">>]]}'),
  R('tuples', '{pairs, [{{I, I * I}, I} || I <- lists:seq(1, 40)] ++ [{{}, empty}, {{1}, one}, {{1.0}, onef}, {{{{}}}, nested}, {list_to_tuple(lists:seq(1, 20)), long}]}'),
  R('strings and lists', '{pairs, [{integer_to_list(I), I} || I <- lists:seq(1, 40)] ++ [{[], nil}, {[[]], nn}, {[1 | 2], improper}, {[1000], x}, {[256, 1], wide}, {[-1], neg}, {"héllo", latin1}, {[1.5, 2], fl}, {lists:seq(1, 300), long}]}'),
  R('small maps as keys', '{pairs, [{#{I => I}, I} || I <- lists:seq(1, 40)] ++ [{#{}, empty}, {#{"a" => 1}, a}, {#{1 => #{2 => 3}}, nested}]}'),
  R('large maps as keys', '{pairs, [{maps:from_list([{J, I} || J <- lists:seq(1, 33 + I)]), I} || I <- lists:seq(1, 40)]}'),
  R('a large map with large maps as values', '{pairs, [{I, maps:from_list([{J, J} || J <- lists:seq(I, I + 40)])} || I <- lists:seq(1, 40)]}'),
  R('refs', '{pairs, [{make_ref(), I} || I <- lists:seq(1, 40)]}'),
  R('mixed key types', '{pairs, [{I, i} || I <- lists:seq(1, 10)] ++ [{I + 0.5, f} || I <- lists:seq(1, 10)] ++ [{<<I>>, b} || I <- lists:seq(1, 10)] ++ [{{I}, t} || I <- lists:seq(1, 10)] ++ [{[I], l} || I <- lists:seq(1, 10)] ++ [{#{I => I}, m} || I <- lists:seq(1, 5)]}'),
  R('values that print as lists in display', '{pairs, [{I, I} || I <- lists:seq(1, 31)] ++ [{99, "ab"}, {"s", []}, {1000, [1 | 2]}, {1.5, <<"xy">>}, {<<"k">>, [<<"v">>]}]}'),
  // Built step by step, across the 32-key boundary both ways.
  R('put one at a time, descending', '{puts, {pairs, []}, [{K, K} || K <- lists:seq(60, 1, -1)]}'),
  R('put one at a time, scattered', '{puts, {pairs, []}, [{(I * 7919) rem 1000, I} || I <- lists:seq(1, 700)]}'),
  R('put to 33 then remove to 32', '{removes, {seq, 1, 33}, [17]}'),
  R('remove through the boundary', '{removes, {seq, 1, 100}, lists:seq(1, 80)}'),
  R('remove to 33', '{removes, {seq, 1, 100}, lists:seq(100, 34, -1)}'),
  R('remove every other', '{removes, {seq, 1, 2000}, lists:seq(1, 2000, 2)}'),
  R('remove a colliding key', '{removes, {pairs, [{K, K} || K <- [40660, 59671, 22575, 119693 | lists:seq(1, 40)]]}, [59671, 22575]}'),
  R('remove absent keys', '{removes, {seq, 1, 50}, [0, 51, 1.0, "a"]}'),
  R('remove then put back', '{puts, {removes, {seq, 1, 300}, lists:seq(1, 300, 3)}, [{K, back} || K <- lists:seq(1, 300, 3)]}'),
  R('updates of a large map', '{updates, {seq, 1, 500}, [{K, K * 2} || K <- lists:seq(1, 500, 7)]}'),
  R('merge: two small into a large', '{merge, {seq, 1, 20}, {seq, 15, 40}}'),
  R('merge: small into large', '{merge, {seq, 1, 100}, {scaled, 30, 7, 200}}'),
  R('merge: large into small', '{merge, {scaled, 30, 7, 200}, {seq, 1, 100}}'),
  R('merge: two large', '{merge, {seq, 1, 1000}, {seq, 500, 1500}}'),
  // 0.0 =:= -0.0 in OTP 25: which of the two keys survives depends on the operation.
  R('-0.0 put into a small map', '{puts, {pairs, [{0.0, a}]}, [{-0.0, b}]}'),
  R('-0.0 put into a large map', '{puts, {pairs, [{0.0, a} | [{I, I} || I <- lists:seq(1, 40)]]}, [{-0.0, b}]}'),
  R('-0.0 update in a small map', '{updates, {pairs, [{0.0, a}]}, [{-0.0, b}]}'),
  R('-0.0 update in a large map', '{updates, {pairs, [{0.0, a} | [{I, I} || I <- lists:seq(1, 40)]]}, [{-0.0, b}]}'),
  R('-0.0 merged over 0.0, small', '{merge, {pairs, [{0.0, a}]}, {pairs, [{-0.0, b}]}}'),
  R('-0.0 merged over 0.0, large', '{merge, {pairs, [{0.0, a} | [{I, I} || I <- lists:seq(1, 40)]]}, {pairs, [{-0.0, b}]}}'),
  R('from_list: the last duplicate wins', '{pairs, [{K rem 40, K} || K <- lists:seq(1, 200)] ++ [{0.0, a}, {-0.0, b}]}'),
];
const atomSizes = [33, 40, 100, 1000];

const dir = mkdtempSync(join(tmpdir(), 'beamjs-mapvec-'));
try {
  writeFileSync(join(dir, 'mapvec.erl'), MAPVEC_ERL());
  execFileSync('erlc', ['-o', dir, join(dir, 'mapvec.erl')], { stdio: 'inherit' });
  const input = [
    ...recipes.map((r) => `R ${Buffer.from(r.recipe, 'utf8').toString('hex')}`),
    ...atomSizes.map((n) => `A ${n}`),
  ].join('\n');
  writeFileSync(join(dir, 'in.txt'), input + '\n');
  // erlang:display/1 writes straight to the VM's stdout: each display follows a {mapvec, N} line.
  const stdout = execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'mapvec', 'main', join(dir, 'in.txt'), join(dir, 'out.txt'), '-s', 'init', 'stop'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 30,
    cwd: dir,
  }).toString('latin1').split(/\r?\n/);
  const displays = new Map();
  for (let i = 0; i + 1 < stdout.length; i++) {
    const m = /^\{mapvec,(\d+)\}$/.exec(stdout[i]);
    if (m) displays.set(Number(m[1]), stdout[++i]);
  }
  const out = readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  const text = (h) => (h === '-' ? undefined : Buffer.from(h, 'hex').toString('latin1'));
  const opt = (h) => (h === '-' ? undefined : h);
  const vectors = [];
  const atoms = [];
  for (const line of out) {
    const f = line.split(' ');
    if (f[0] === 'R') {
      const [, recipe, size, order, sha1, keysOrder, w, etf, path] = f;
      vectors.push({
        name: recipes[vectors.length].name,
        recipe,
        size: Number(size),
        order: opt(order),
        orderSha1: sha1,
        keysOrder,
        display: displays.get(vectors.length),
        w: text(w),
        etf: opt(etf),
        path32: path === '-' ? undefined : path,
      });
    } else if (f[0] === 'A') {
      const [, names, indices, order] = f;
      atoms.push({
        names: text(names).split(','),
        indices: indices.split(',').map(Number),
        order: order.split(',').map(Number),
        display: displays.get(recipes.length + atoms.length),
      });
    }
  }
  if (vectors.length !== recipes.length || atoms.length !== atomSizes.length) throw new Error('erl output incomplete');
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  mkdirSync(join(root, 'test/vectors'), { recursive: true });
  writeFileSync(
    join(root, 'test/vectors/map-order.json'),
    [
      '{"generator": "scripts/gen-map-vectors.mjs", "otp": ' + JSON.stringify(otp) + ',',
      ' "note": "recipe, order, etf: term_to_binary hex; order: keys in iteration order (maps:fold); keysOrder: maps:keys/1 relative to it; path32: maps:next path after the first 32; atoms: order lists positions in names/indices (OTP atom-table indices)",',
      ' "vectors": [',
      vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "atoms": [',
      atoms.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ]',
      '}',
    ].join('\n') + '\n',
  );
  console.log(`wrote ${vectors.length} map vectors (${vectors.reduce((n, v) => n + v.size, 0)} keys) and ${atoms.length} atom-key maps`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function MAPVEC_ERL() {
  return String.raw`-module(mapvec).
-export([main/1]).

main([In, Out]) ->
    {ok, Data} = file:read_file(In),
    Lines = [L || L <- binary:split(Data, <<"\n">>, [global]), L =/= <<>>],
    {ok, F} = file:open(Out, [write, binary]),
    lists:foreach(fun({Id, L}) -> line(F, Id, L) end, lists:enumerate(0, Lines)),
    ok = file:close(F).

line(F, Id, <<"R ", Hex/binary>>) ->
    Src = unicode:characters_to_list(binary:decode_hex(Hex)),
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, Recipe, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    M = build(Recipe),
    Size = map_size(M),
    Order = lists:reverse(maps:fold(fun(K, _, A) -> [K | A] end, [], M)),
    Order = iter_keys(maps:next(maps:iterator(M))),
    Listed = maps:keys(M),
    Listed = [K || {K, _} <- maps:to_list(M)],
    Small = Size =< ${TEXT_LIMIT},
    Small andalso (Listed = etf_keys(term_to_binary(M))),
    Reversed = lists:reverse(Order),
    KeysOrder = case Listed of Order -> "same"; Reversed -> "reversed" end,
    OrderBin = term_to_binary(Order),
    Small andalso display(Id, M),
    Text = fun(Fun) when Small -> hex(unicode:characters_to_binary(Fun(), latin1, latin1)); (_) -> <<"-">> end,
    Path = case maps:next(maps:iterator(M)) of
               none -> <<"-">>;
               First -> case after_n(First, 32) of [P | _] -> integer_to_binary(P); _ -> <<"-">> end
           end,
    io:put_chars(F, [<<"R ">>, hex(term_to_binary(Recipe)), " ", integer_to_binary(Size), " ",
                     if Size =< ${ORDER_LIMIT} -> hex(OrderBin); true -> <<"-">> end, " ",
                     binary:encode_hex(crypto:hash(sha, OrderBin)), " ", KeysOrder, " ",
                     Text(fun() -> io_lib:format("~w", [M]) end), " ",
                     if Small -> hex(term_to_binary(M)); true -> <<"-">> end, " ", Path, "\n"]);
line(F, Id, <<"A ", N/binary>>) ->
    Atoms = [fresh_atom(I) || I <- lists:seq(1, binary_to_integer(N))],
    M = maps:from_list([{A, I} || {I, {A, _}} <- lists:enumerate(0, Atoms)]),
    Pos = maps:from_list([{A, I} || {I, {A, _}} <- lists:enumerate(0, Atoms)]),
    Order = lists:reverse(maps:fold(fun(K, _, Acc) -> [maps:get(K, Pos) | Acc] end, [], M)),
    Join = fun(L) -> lists:join(",", L) end,
    io:put_chars(F, [<<"A ">>, hex(list_to_binary(Join([atom_to_list(A) || {A, _} <- Atoms]))), " ",
                     Join([integer_to_list(Ix) || {_, Ix} <- Atoms]), " ",
                     Join([integer_to_list(P) || P <- Order]), "\n"]),
    display(Id, M).

%% A new atom and its atom-table index: the table's size just before it was added.
fresh_atom(I) ->
    Name = "beamjs_mapvec_" ++ integer_to_list(I) ++ "_" ++ integer_to_list(erlang:unique_integer([positive])),
    Before = erlang:system_info(atom_count),
    A = list_to_atom(Name),
    Before = erlang:system_info(atom_count) - 1,
    {A, Before}.

build({seq, A, B}) -> maps:from_list([{I, I} || I <- lists:seq(A, B)]);
build({scaled, N, Mul, Mod}) -> maps:from_list([{I * Mul rem Mod, I} || I <- lists:seq(1, N)]);
build({pairs, Ps}) -> maps:from_list(Ps);
build({puts, R, Ps}) -> lists:foldl(fun({K, V}, M) -> maps:put(K, V, M) end, build(R), Ps);
build({updates, R, Ps}) -> lists:foldl(fun({K, V}, M) -> maps:update(K, V, M) end, build(R), Ps);
build({removes, R, Ks}) -> lists:foldl(fun maps:remove/2, build(R), Ks);
build({merge, A, B}) -> maps:merge(build(A), build(B)).

iter_keys(none) -> [];
iter_keys({K, _, I}) -> [K | iter_keys(maps:next(I))].

after_n(I, 0) -> I;
after_n({_, _, I}, N) -> after_n(I, N - 1);
after_n(none, _) -> none.

%% The keys of a map's external format, in the order written.
etf_keys(<<131, 116, N:32, Rest/binary>>) -> etf_pairs(N, Rest).
etf_pairs(0, <<>>) -> [];
etf_pairs(N, B) ->
    {K, B1} = etf_term(B),
    {_, B2} = etf_term(B1),
    [K | etf_pairs(N - 1, B2)].
etf_term(B) ->
    {T, Used} = binary_to_term(<<131, B/binary>>, [used]),
    <<_:(Used - 1)/binary, Rest/binary>> = B,
    {T, Rest}.

%% erlang:display/1 writes to the VM's stdout, which the generator reads.
display(Id, M) ->
    erlang:display({mapvec, Id}),
    erlang:display(M).

hex(<<>>) -> <<"-">>;
hex(B) -> binary:encode_hex(B).
`;
}
