using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Traffic;

namespace Gates.LatencyBench.Commands;

/// <summary>The traffic-shape flags of <c>latency-bench run</c> (prompt lengths, system prompt, turns, maximum context, output length).</summary>
internal sealed class TrafficOptions
{
    private readonly Option<string?> length;
    private readonly Option<bool> shuffle;
    private readonly Option<string?> systemWords;
    private readonly Option<string?> turns;
    private readonly Option<string?> maxContext;
    private readonly Option<string?> maxContextShare;
    private readonly Option<string?> minTokens;
    private readonly Option<bool> ignoreEos;

    public TrafficOptions(GateEnvironment env)
    {
        length = EnvOption.Text(env, PromptLength.Flag, "Synthetic prompt lengths in words (about one token each): fixed:N | normal:MEAN,SD | uniform:MIN,MAX (default fixed:--prompt-tokens)");
        shuffle = EnvOption.Flag(env, "--prompts-shuffle", "Draw the --prompts dataset in a seeded random order instead of in turn");
        systemWords = EnvOption.Text(env, "--system-prompt-tokens", "A shared system prompt of this many words in front of every request (so prefix caching shows)");
        turns = EnvOption.Text(env, "--turns", "User turns per conversation; each request carries the conversation's history (default 1)");
        maxContext = EnvOption.Text(env, "--max-context", "The model's context length in tokens, for --max-context-share");
        maxContextShare = EnvOption.Text(env, "--max-context-share", "Fraction of requests that fill the context (prompt = --max-context - max_tokens words), e.g. 0.05");
        minTokens = EnvOption.Text(env, "--min-tokens", "min_tokens of OpenAI bodies (vLLM), so answers are not shorter");
        ignoreEos = EnvOption.Flag(env, "--ignore-eos", "Send ignore_eos: true (vLLM), so every answer runs to max_tokens");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { length, shuffle, systemWords, turns, maxContext, maxContextShare, minTokens, ignoreEos })
        {
            command.Options.Add(option);
        }
    }

    public TrafficSettings Bind(ParseResult parse)
    {
        string? V(Option<string?> o) => parse.GetValue(o) is { Length: > 0 } s ? s : null;
        var context = FlagValues.Int(V(maxContext), "--max-context", 2, 10_000_000);
        var share = FlagValues.Number(V(maxContextShare), "--max-context-share", 0, 1) ?? 0;
        if (share > 0 && context is null)
        {
            throw new GateInputException("--max-context-share needs --max-context TOKENS (the model's context length)");
        }

        return new TrafficSettings
        {
            Length = V(length) is { } l ? PromptLength.Parse(l) : null,
            Shuffle = parse.GetValue(shuffle),
            SystemPromptWords = FlagValues.Int(V(systemWords), "--system-prompt-tokens", 0, 1_000_000) ?? 0,
            Turns = FlagValues.Int(V(turns), "--turns", 1, 1000) ?? 1,
            MaxContext = context,
            MaxContextShare = share,
        };
    }

    /// <summary>--min-tokens and --ignore-eos merged into the extra body (a value given there too wins).</summary>
    public System.Text.Json.Nodes.JsonObject? OutputControl(ParseResult parse, System.Text.Json.Nodes.JsonObject? extra)
    {
        var min = FlagValues.Int(parse.GetValue(minTokens) is { Length: > 0 } m ? m : null, "--min-tokens", 0, 10_000_000);
        if (min is null && !parse.GetValue(ignoreEos))
        {
            return extra;
        }

        var body = extra?.DeepClone().AsObject() ?? [];
        if (min is { } n && !body.ContainsKey("min_tokens"))
        {
            body["min_tokens"] = n;
        }

        if (parse.GetValue(ignoreEos) && !body.ContainsKey("ignore_eos"))
        {
            body["ignore_eos"] = true;
        }

        return body;
    }
}
