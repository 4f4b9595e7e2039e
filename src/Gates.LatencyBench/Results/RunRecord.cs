using System.Text.Json.Nodes;
using Gates.Core.Results;
using Gates.LatencyBench.Measure;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>Everything a run (or a merge of shards) produced, before it is written as a results file.</summary>
internal sealed record RunRecord
{
    public required ToolInfo Tool { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required JsonObject Target { get; init; }
    public required JsonObject Load { get; init; }
    public required RunCounts Counts { get; init; }
    public required RunWindow Window { get; init; }
    public required IReadOnlyDictionary<string, LongHistogram> Histograms { get; init; }
    public double? OfferedRate { get; init; }
    public GoodputObjectives? Goodput { get; init; }
    public bool Interrupted { get; init; }
    public double MaxScheduleLagMs { get; init; } = 50;
    public long WarmupRequests { get; init; }
    public ShardInfo? Shard { get; init; }

    /// <summary>The --target-precision outcome (the "precision" section of the results file), when asked.</summary>
    public JsonObject? Precision { get; init; }

    /// <summary>The server's own metrics (--server-metrics), merged into the metrics; empty when not scraped.</summary>
    public IReadOnlyDictionary<string, double> ServerMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The "server" section of the results file (scrapes, ceiling, definitions), when scraped.</summary>
    public JsonObject? Server { get; init; }

    /// <summary>Why merged shards cannot count as one run (they ran too far apart); each makes the run invalid.</summary>
    public IReadOnlyList<string> MergeProblems { get; init; } = [];

    /// <summary>Finished requests per second of a live run (none for a merge of shards).</summary>
    public ThroughputTimeline? Timeline { get; init; }

    /// <summary>Paths of the shard results a merged record was made from.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    public bool OpenLoop => OfferedRate is not null;

    public SortedDictionary<string, double> Metrics() =>
        ResultsCalculator.Metrics(Counts, Histograms, Window, OfferedRate, Goodput is not null);

    public string TokensSource => (Counts.TokensFromUsage, Counts.TokensFromChunks) switch
    {
        ( > 0, 0) => "usage",
        (0, > 0) => "chunks",
        ( > 0, > 0) => "mixed",
        _ => "none",
    };
}

/// <summary>This run is shard <see cref="Index"/> of <see cref="Count"/> (1-based).</summary>
internal sealed record ShardInfo(int Index, int Count)
{
    public static ShardInfo Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && i >= 1 && i <= n)
        {
            return new ShardInfo(i, n);
        }

        throw new Core.GateInputException($"--shard: '{text}' must be INDEX/COUNT with 1 <= INDEX <= COUNT, for example 2/4");
    }

    public override string ToString() => $"{Index}/{Count}";
}
