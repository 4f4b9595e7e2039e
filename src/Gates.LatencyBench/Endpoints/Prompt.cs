using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Endpoints;

/// <summary>One prompt: plain text, chat messages, or a ready request body; optionally its own max_tokens.</summary>
internal sealed record Prompt
{
    public string? Text { get; init; }
    public JsonArray? Messages { get; init; }
    public JsonObject? Body { get; init; }
    public int? MaxTokens { get; init; }

    /// <summary>The text to put where a template or protocol needs one string.</summary>
    public string AsText() => Text
        ?? (Messages is { } m ? string.Join("\n", m.Select(x => x?["content"]?.ToString() ?? "")) : Body?.ToJsonString() ?? "");
}
