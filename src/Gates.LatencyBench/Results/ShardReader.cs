using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.LatencyBench.Measure;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>One shard's results file read back: its counters, window, offered rate and histograms.</summary>
internal sealed record ShardData(string Path, ShardInfo Shard, RunCounts Counts, RunWindow Window, double? OfferedRate,
    Dictionary<string, LongHistogram> Histograms, bool Interrupted, long Warmup, JsonElement Root);

internal static class ShardReader
{
    public static ShardData Read(string path)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(InputFiles.ReadAll(path, "shard results file").Utf8());
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path}: cannot read shard results: {e.Message}");
        }

        return Core.Text.JsonShape.Read(path, "shard results file", () => Read(root, path));
    }

    private static ShardData Read(JsonElement root, string path)
    {
        if (!Import.NativeImporter.Matches(root))
        {
            throw new GateInputException($"{path}: not a latency-bench results file");
        }

        if (!root.TryGetProperty("shard", out var shard) || !shard.TryGetProperty("histogram_log", out var log) || log.ValueKind != JsonValueKind.String)
        {
            throw new GateInputException($"{path}: not a shard (run it with --shard INDEX/COUNT --save-results FILE)");
        }

        var hlog = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, log.GetString()!);
        var counts = root.GetProperty("counts");
        var tokens = root.GetProperty("tokens");
        var errors = root.GetProperty("errors");
        var window = root.GetProperty("window");
        var runCounts = new RunCounts
        {
            Requests = L(counts, "requests"),
            Succeeded = L(counts, "succeeded"),
            Sent = L(counts, "sent"),
            Cancelled = L(counts, "cancelled"),
            Good = L(counts, "good"),
            OutputTokens = L(counts, "output_tokens"),
            PromptTokens = L(tokens, "prompt_tokens"),
            TokensFromUsage = L(tokens, "from_usage"),
            TokensFromChunks = L(tokens, "from_chunks"),
            TokensUnknown = L(tokens, "unknown"),
        };
        foreach (var p in errors.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Number)
            {
                runCounts.Errors[p.Name] = p.Value.GetInt64();
            }
            else if (p.Name == "by_status")
            {
                foreach (var s in p.Value.EnumerateObject())
                {
                    runCounts.ByStatus[s.Name] = s.Value.GetInt64();
                }
            }
        }

        return new ShardData(
            path,
            new ShardInfo(shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()),
            runCounts,
            new RunWindow
            {
                StartUnixMs = window.GetProperty("start_unix_ms").GetDouble(),
                EndUnixMs = window.GetProperty("end_unix_ms").GetDouble(),
                FirstSentUnixMs = D(window, "first_sent_unix_ms"),
                LastSentUnixMs = D(window, "last_sent_unix_ms"),
            },
            D(counts, "offered_rate"),
            HistogramLog.Read(hlog),
            root.TryGetProperty("interrupted", out var i) && i.ValueKind == JsonValueKind.True,
            L(counts, "warmup"),
            root);
    }

    private static long L(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    private static double? D(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
