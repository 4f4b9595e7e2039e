namespace Gates.LatencyBench.Measure;

/// <summary>The counters of a run (or of merged shards). Everything here adds up across shards.</summary>
internal sealed class RunCounts
{
    /// <summary>Measured requests that finished (succeeded or failed); cancelled ones are not counted.</summary>
    public long Requests { get; set; }
    public long Succeeded { get; set; }
    public SortedDictionary<string, long> Errors { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> ByStatus { get; init; } = new(StringComparer.Ordinal);
    public long OutputTokens { get; set; }
    public long PromptTokens { get; set; }
    public long TokensFromUsage { get; set; }
    public long TokensFromChunks { get; set; }
    public long TokensUnknown { get; set; }
    public long Good { get; set; }
    public long Cancelled { get; set; }

    /// <summary>Requests sent in the measurement phase (including those later cancelled).</summary>
    public long Sent { get; set; }

    public long Failed => Requests - Succeeded;

    public void Add(RunCounts other)
    {
        Requests += other.Requests;
        Succeeded += other.Succeeded;
        foreach (var (k, v) in other.Errors)
        {
            Errors[k] = Errors.GetValueOrDefault(k) + v;
        }

        foreach (var (k, v) in other.ByStatus)
        {
            ByStatus[k] = ByStatus.GetValueOrDefault(k) + v;
        }

        OutputTokens += other.OutputTokens;
        PromptTokens += other.PromptTokens;
        TokensFromUsage += other.TokensFromUsage;
        TokensFromChunks += other.TokensFromChunks;
        TokensUnknown += other.TokensUnknown;
        Good += other.Good;
        Cancelled += other.Cancelled;
        Sent += other.Sent;
    }
}

/// <summary>Wall-clock bounds of the measurement phase, in Unix milliseconds, so shards can be aligned.</summary>
internal sealed record RunWindow
{
    /// <summary>Start of the measurement phase (after warmup).</summary>
    public required double StartUnixMs { get; init; }

    /// <summary>When the last measured request finished (or the run was stopped).</summary>
    public required double EndUnixMs { get; init; }

    public double? FirstSentUnixMs { get; init; }
    public double? LastSentUnixMs { get; init; }

    public double Seconds => Math.Max(0, (EndUnixMs - StartUnixMs) / 1000);

    public static RunWindow Union(IEnumerable<RunWindow> windows)
    {
        var list = windows.ToList();
        var first = list.Where(w => w.FirstSentUnixMs is not null).Select(w => w.FirstSentUnixMs!.Value).DefaultIfEmpty().Min();
        var last = list.Where(w => w.LastSentUnixMs is not null).Select(w => w.LastSentUnixMs!.Value).DefaultIfEmpty().Max();
        var any = list.Any(w => w.FirstSentUnixMs is not null);
        return new RunWindow
        {
            StartUnixMs = list.Min(w => w.StartUnixMs),
            EndUnixMs = list.Max(w => w.EndUnixMs),
            FirstSentUnixMs = any ? first : null,
            LastSentUnixMs = any ? last : null,
        };
    }
}
