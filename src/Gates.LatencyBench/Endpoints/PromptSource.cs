using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.LatencyBench.Endpoints;

/// <summary>Prompts from a JSONL file, or synthetic prompts of a given length in (roughly) tokens.</summary>
internal static class PromptSource
{
    private static readonly string[] Words =
    [
        "the", "model", "answer", "question", "data", "time", "system", "people", "water", "light", "world", "number",
        "river", "city", "paper", "music", "story", "table", "green", "small", "large", "quick", "simple", "clear",
        "night", "morning", "energy", "market", "garden", "window", "science", "history", "language", "picture",
        "mountain", "ocean", "animal", "forest", "friend", "family", "school", "travel", "winter", "summer", "road",
    ];

    /// <summary>
    /// Reads one prompt per line: a JSON string, or an object with <c>prompt</c> (text), <c>messages</c> (chat),
    /// or <c>body</c> (a complete request body), each optionally with <c>max_tokens</c>. Blank lines are skipped.
    /// </summary>
    public static IReadOnlyList<Prompt> ReadJsonl(string path)
    {
        var lines = new List<string>();
        using (var reader = new StringReader(InputFiles.ReadAll(path, "prompts file").Text()))
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        var prompts = new List<Prompt>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                prompts.Add(Parse(JsonNode.Parse(lines[i])));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                problems.Add($"{path}:{i + 1}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new GateInputException([.. problems.Take(20)]);
        }

        return prompts.Count > 0 ? prompts : throw new GateInputException($"{path}: no prompts (one JSON value per line)");
    }

    private static Prompt Parse(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return new Prompt { Text = text };
        }

        if (node is not JsonObject obj)
        {
            throw new FormatException("a prompt line must be a JSON string or an object with prompt, messages or body");
        }

        int? maxTokens = obj["max_tokens"] is JsonValue m && m.TryGetValue<int>(out var n) && n > 0 ? n : null;
        if (obj["messages"] is JsonArray messages)
        {
            return new Prompt { Messages = messages, MaxTokens = maxTokens };
        }

        if (obj["body"] is JsonObject body)
        {
            return new Prompt { Body = body, MaxTokens = maxTokens };
        }

        if (obj["prompt"] is JsonValue p && p.TryGetValue<string>(out var prompt))
        {
            return new Prompt { Text = prompt, MaxTokens = maxTokens };
        }

        throw new FormatException("a prompt object needs 'prompt' (text), 'messages' (chat) or 'body' (a request body)");
    }

    /// <summary><paramref name="count"/> distinct prompts of <paramref name="words"/> common words each, from a seed.</summary>
    public static IReadOnlyList<Prompt> Synthetic(int words, int count, int seed)
    {
        var random = new Random(seed);
        var prompts = new List<Prompt>(count);
        for (var i = 0; i < count; i++)
        {
            var picked = new string[words];
            for (var w = 0; w < words; w++)
            {
                picked[w] = Words[random.Next(Words.Length)];
            }

            prompts.Add(new Prompt { Text = string.Join(' ', picked) });
        }

        return prompts;
    }
}
