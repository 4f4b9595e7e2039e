using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Traffic;

/// <summary>The shape of the traffic: prompt lengths, a shared system prompt, conversations, maximum-context requests.</summary>
internal sealed record TrafficSettings
{
    /// <summary>--prompt-length: the distribution of synthetic prompt lengths; null for --prompt-tokens (fixed).</summary>
    public PromptLength? Length { get; init; }

    /// <summary>--prompts-shuffle: draw from the --prompts file in a seeded random order instead of in turn.</summary>
    public bool Shuffle { get; init; }

    /// <summary>--system-prompt-tokens: a shared system prompt of this many words, the same for every request (prefix caching shows).</summary>
    public int SystemPromptWords { get; init; }

    /// <summary>--turns: each conversation has this many user turns; each request carries the history before it.</summary>
    public int Turns { get; init; } = 1;

    /// <summary>--max-context: the model's context length in tokens, for maximum-context requests.</summary>
    public int? MaxContext { get; init; }

    /// <summary>--max-context-share: the fraction of requests that fill the context (prompt = context − max_tokens).</summary>
    public double MaxContextShare { get; init; }

    public bool Shaped => Length is not null || Shuffle || SystemPromptWords > 0 || Turns > 1 || MaxContextShare > 0;

    public JsonObject Describe() => new()
    {
        ["prompt_length"] = Length?.ToString(),
        ["prompts_shuffle"] = Shuffle,
        ["system_prompt_words"] = SystemPromptWords,
        ["turns"] = Turns,
        ["max_context"] = MaxContext,
        ["max_context_share"] = MaxContextShare,
    };
}
