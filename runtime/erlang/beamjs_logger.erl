%% The default logger of `erl -noshell`, without the logger's processes and tables:
%% beamjs routes logger:macro_log/4,5, logger:log/2,3,4 and logger:allow/2 here
%% (runtime/bif/logger.ts). Events pass the primary level (notice) and the default
%% handler's filters, then OTP's own logger_formatter formats them with the default
%% handler's configuration and the text goes to the `user` device.
-module(beamjs_logger).
-export([log/4]).

-define(FILTERS,
        [{fun logger_filters:remote_gl/2, stop},
         {fun logger_filters:domain/2, {log, super, [otp, sasl]}},
         {fun logger_filters:domain/2, {log, undefined, []}}]).

-spec log(map(), logger:level(), term(), map()) -> ok.
log(Location, Level, Msg0, Meta0) ->
    case logger:compare_levels(Level, notice) of
        lt -> ok;
        _ ->
            case message(Msg0) of
                {ok, Msg} ->
                    Meta = maps:merge(#{pid => self(), gl => group_leader(),
                                        time => logger:timestamp()},
                                      maps:merge(Location, Meta0)),
                    emit(#{level => Level, msg => Msg, meta => Meta});
                error ->
                    ok
            end
    end.

message({Fun, Args}) when is_function(Fun, 1) ->
    try Fun(Args) of
        {Format, FArgs} when is_list(FArgs) -> message({Format, FArgs});
        {Format, FArgs, _} when is_list(FArgs) -> message({Format, FArgs});
        Other -> message(Other)
    catch _:_ -> error
    end;
message({Format, Args}) when (is_list(Format) orelse is_binary(Format) orelse is_atom(Format)),
                             is_list(Args) ->
    {ok, {Format, Args}};
message(Report) when is_map(Report) -> {ok, {report, Report}};
message([T | _] = Report) when is_tuple(T) -> {ok, {report, Report}};
message(String) when is_list(String); is_binary(String) -> {ok, {string, String}};
message(_) -> error.

%% The default handler's filters, with filter_default = stop.
emit(Event) ->
    case filter(?FILTERS, Event) of
        stop -> ok;
        E ->
            Chars = logger_formatter:format(E, #{legacy_header => true, single_line => false}),
            io:put_chars(user, Chars)
    end.

filter([], _Event) -> stop;
filter([{F, Arg} | Rest], Event) ->
    case F(Event, Arg) of
        stop -> stop;
        ignore -> filter(Rest, Event);
        E -> E
    end.
