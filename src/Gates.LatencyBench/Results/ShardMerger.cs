using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Core.Results;
using Gates.LatencyBench.Measure;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Combines shard results into one run: counters add up, histograms are added (exact for HDR at equal precision),
/// offered rates add up, and the window is the mean of the shard windows (<see cref="ShardAlignment"/>: rates are the
/// sums of the shard rates; shards further apart than the tolerated skew make the merged run invalid). Every shard
/// 1..N must be present exactly once.
/// </summary>
internal static class ShardMerger
{
    public static RunRecord Merge(IReadOnlyList<ShardData> shards, ToolInfo tool, DateTimeOffset startedAt, double maxScheduleLagMs)
    {
        if (shards.Count == 0)
        {
            throw new GateInputException("merge needs at least one shard results file");
        }

        var problems = new List<string>();
        var count = shards[0].Shard.Count;
        if (shards.Any(s => s.Shard.Count != count))
        {
            problems.Add($"the shards disagree on the shard count: {string.Join(", ", shards.Select(s => $"{s.Path} is {s.Shard}"))}");
        }

        foreach (var dup in shards.GroupBy(s => s.Shard.Index).Where(g => g.Count() > 1))
        {
            problems.Add($"shard {dup.Key}/{count} appears more than once: {string.Join(", ", dup.Select(s => s.Path))}");
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))}: a merge of part of the load would understate it");
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        var counts = new RunCounts();
        var histograms = MetricTags.All.ToDictionary(t => t, MetricTags.NewHistogram);
        foreach (var shard in shards)
        {
            counts.Add(shard.Counts);
            foreach (var (tag, h) in shard.Histograms)
            {
                if (!histograms.TryGetValue(tag, out var sum))
                {
                    sum = MetricTags.NewHistogram(tag);
                    histograms[tag] = sum;
                }

                sum.Add(h);
            }
        }

        var offered = shards.All(s => s.OfferedRate is not null) ? shards.Sum(s => s.OfferedRate!.Value) : (double?)null;
        var first = shards[0].Root;
        var windows = shards.Select(s => s.Window).ToList();
        var load = JsonNode.Parse(first.GetProperty("load").GetRawText())!.AsObject();
        load["shard_start_skew_s"] = Math.Round(ShardAlignment.StartSkewSeconds(windows), 6);
        load["shard_skew_tolerance_s"] = Math.Round(ShardAlignment.Tolerance(windows), 6);
        return new RunRecord
        {
            Tool = tool,
            StartedAt = startedAt,
            Target = JsonNode.Parse(first.GetProperty("target").GetRawText())!.AsObject(),
            Load = load,
            Counts = counts,
            Window = ShardAlignment.Merged(windows),
            MergeProblems = ShardAlignment.Problems(windows),
            Histograms = histograms,
            OfferedRate = offered,
            Goodput = Goodput(first),
            Interrupted = shards.Any(s => s.Interrupted),
            MaxScheduleLagMs = maxScheduleLagMs,
            WarmupRequests = shards.Sum(s => s.Warmup),
            MergedFrom = [.. shards.Select(s => s.Path)],
        };
    }

    private static GoodputObjectives? Goodput(System.Text.Json.JsonElement root)
    {
        if (!root.TryGetProperty("goodput_objectives_ms", out var g))
        {
            return null;
        }

        double? D(string name) => g.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetDouble() : null;
        return new GoodputObjectives(D("ttft"), D("tpot"), D("latency"));
    }
}
