using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.EvalGate.Results;

/// <summary>
/// Tells the formats apart by shape. Line-delimited files (a complete JSON object on the first line and more
/// after it, or a .jsonl/.ndjson name) are openai/evals when the first line holds "spec", else per-item JSONL.
/// A single JSON document is lm-eval when it has "results" plus lm-eval's bookkeeping ("n-samples",
/// "higher_is_better", "versions", "configs"), promptfoo when it has a results list with "stats", else plain metrics.
/// </summary>
internal static class FormatDetector
{
    private const int PeekSize = 1 << 16;
    private const int MaxPeek = 1 << 26;

    public static bool IsLineDelimited(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson")
        {
            return true;
        }

        var head = Peek(path);
        var newline = head.AsSpan().IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        var first = Trim(head.AsSpan(0, newline));
        return first.Length > 0 && IsCompleteObject(first) && !ResultsFile.IsBlank(head.AsSpan(newline));
    }

    /// <summary>openai/evals or per-item JSONL, from the first non-blank line.</summary>
    public static ResultsFormat LineFormat(string path)
    {
        var head = Peek(path);
        foreach (var raw in head.AsSpan().Split((byte)'\n'))
        {
            var line = Trim(head.AsSpan(raw));
            if (line.Length == 0)
            {
                continue;
            }

            return HasTopLevelProperty(line, "spec"u8) ? ResultsFormat.OpenAiEvals : ResultsFormat.Jsonl;
        }

        return ResultsFormat.Jsonl;
    }

    public static ResultsFormat DocumentFormat(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ResultsFormat.Json;
        }

        if (root.TryGetProperty("results", out var results))
        {
            var lmEvalKeys = new[] { "n-samples", "higher_is_better", "versions", "configs", "group_subtasks", "lm_eval_version" };
            if (results.ValueKind == JsonValueKind.Object && lmEvalKeys.Any(k => root.TryGetProperty(k, out _)))
            {
                return ResultsFormat.LmEval;
            }

            if (PromptfooShape(root, results))
            {
                return ResultsFormat.Promptfoo;
            }
        }

        return ResultsFormat.Json;
    }

    private static bool PromptfooShape(JsonElement root, JsonElement results) =>
        (results.ValueKind == JsonValueKind.Object
            && results.TryGetProperty("results", out var inner) && inner.ValueKind == JsonValueKind.Array
            && results.TryGetProperty("stats", out _))
        || (results.ValueKind == JsonValueKind.Array && root.TryGetProperty("stats", out _));

    /// <summary>The start of the file: at least the first line and the start of the next non-blank one.</summary>
    private static byte[] Peek(string path)
    {
        using var stream = InputFiles.Open(path, ResultsFile.What);
        {
            var buffer = new byte[PeekSize];
            var length = 0;
            while (length < MaxPeek)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                var newline = buffer.AsSpan(0, length).IndexOf((byte)'\n');
                if (newline >= 0 && !ResultsFile.IsBlank(buffer.AsSpan(newline, length - newline)))
                {
                    break;
                }
            }

            return buffer[..length];
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return line.Trim(" \t\r"u8);
    }

    private static bool IsCompleteObject(ReadOnlySpan<byte> line)
    {
        var json = NonFiniteTokens.Quote(line) ?? line;
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasTopLevelProperty(ReadOnlySpan<byte> line, ReadOnlySpan<byte> property)
    {
        var json = NonFiniteTokens.Quote(line) ?? line;
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(property))
                {
                    return true;
                }

                if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
