using System.Text.Json;

namespace Gates.LatencyBench.Http;

/// <summary>What one OpenAI-style JSON chunk (or whole non-streamed response) carries.</summary>
internal readonly record struct ChunkInfo
{
    /// <summary>The chunk has a non-empty <c>choices</c> array (vLLM stamps its TTFT on the first such chunk).</summary>
    public bool HasChoices { get; init; }

    /// <summary>The chunk carries generated output: content, reasoning, completion text or tool calls.</summary>
    public bool HasOutput { get; init; }

    public bool Finished { get; init; }
    public int? CompletionTokens { get; init; }
    public int? PromptTokens { get; init; }
    public string? Error { get; init; }
}

/// <summary>Reads the parts of OpenAI chat/completions chunks that timing and token counting need.</summary>
internal static class ChunkInspector
{
    private static readonly string[] OutputHolders = ["delta", "message"];

    public static ChunkInfo Inspect(ReadOnlySpan<byte> json) => Inspect(json.ToArray());

    /// <summary>Inspects a chunk the caller already holds in an array (one SSE event), without copying it.</summary>
    public static ChunkInfo Inspect(byte[] json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.AsMemory());
        }
        catch (JsonException e)
        {
            throw new MalformedStreamException($"invalid JSON in a chunk: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedStreamException("a chunk is not a JSON object");
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind is not JsonValueKind.Null)
            {
                return new ChunkInfo { Error = ErrorText(error) };
            }

            var info = new ChunkInfo();
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                info = info with { HasChoices = true };
                foreach (var choice in choices.EnumerateArray())
                {
                    info = info with
                    {
                        HasOutput = info.HasOutput || CarriesOutput(choice),
                        Finished = info.Finished || (choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String),
                    };
                }
            }

            if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                info = info with { CompletionTokens = Int(usage, "completion_tokens"), PromptTokens = Int(usage, "prompt_tokens") };
            }

            return info;
        }
    }

    private static bool CarriesOutput(JsonElement choice)
    {
        if (NonEmpty(choice, "text"))
        {
            return true;
        }

        foreach (var holder in OutputHolders)
        {
            if (choice.TryGetProperty(holder, out var delta) && delta.ValueKind == JsonValueKind.Object
                && (NonEmpty(delta, "content") || NonEmpty(delta, "reasoning_content") || NonEmpty(delta, "reasoning")
                    || (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NonEmpty(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static string ErrorText(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => error.GetString()!,
        JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String => m.GetString()!,
        _ => error.GetRawText(),
    };
}
