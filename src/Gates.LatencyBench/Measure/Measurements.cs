using HdrHistogram;

namespace Gates.LatencyBench.Measure;

/// <summary>
/// Thread-safe accumulator of a run: one HDR histogram per metric and a set of counters, so memory stays flat however
/// long the run. Warmup and cancelled requests are counted apart and never enter a statistic.
/// </summary>
internal sealed class Measurements
{
    private readonly object gate = new();
    private readonly Dictionary<string, LongHistogram> histograms = MetricTags.All.ToDictionary(t => t, MetricTags.NewHistogram);
    private readonly RunCounts counts = new();
    private readonly double ticksPerMicro;
    private readonly double ticksPerMs;
    private readonly GoodputObjectives? goodput;
    private LongHistogram progress = MetricTags.NewHistogram(MetricTags.Latency);
    private long progressErrors;
    private long progressRequests;
    private long firstSent = long.MaxValue;
    private long lastSent = long.MinValue;
    private long lastEnd = long.MinValue;
    private long warmupRequests;

    public Measurements(long timestampFrequency, GoodputObjectives? goodput)
    {
        ticksPerMicro = timestampFrequency / 1_000_000.0;
        ticksPerMs = timestampFrequency / 1000.0;
        this.goodput = goodput is { Any: true } ? goodput : null;
    }

    public GoodputObjectives? Goodput => goodput;

    public void Record(RequestOutcome r)
    {
        lock (gate)
        {
            if (r.Warmup)
            {
                warmupRequests++;
                return;
            }

            if (r.Sent > 0)
            {
                counts.Sent++;
                firstSent = Math.Min(firstSent, r.Sent);
                lastSent = Math.Max(lastSent, r.Sent);
            }

            if (r.Cancelled)
            {
                counts.Cancelled++;
                return;
            }

            counts.Requests++;
            progressRequests++;
            lastEnd = Math.Max(lastEnd, r.End);
            if (!r.Succeeded)
            {
                progressErrors++;
                var name = r.Error.Name();
                counts.Errors[name] = counts.Errors.GetValueOrDefault(name) + 1;
                if (r.Error == ErrorClass.HttpStatus)
                {
                    var status = r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    counts.ByStatus[status] = counts.ByStatus.GetValueOrDefault(status) + 1;
                }

                return;
            }

            RecordSuccess(r);
        }
    }

    private void RecordSuccess(RequestOutcome r)
    {
        counts.Succeeded++;
        var latency = Micros(r.End - r.Intended);
        Put(MetricTags.Latency, latency);
        progress.RecordValue(Clamp(latency));
        Put(MetricTags.ServiceLatency, Micros(r.End - r.Sent));
        Put(MetricTags.ScheduleLag, Micros(r.Sent - r.Intended));

        double? ttftMs = null, tpotMs = null;
        if (r.FirstToken > 0)
        {
            var ttft = Micros(r.FirstToken - r.Intended);
            Put(MetricTags.Ttft, ttft);
            ttftMs = ttft / 1000.0;
            for (var i = 1; i < r.ChunkTimes.Count; i++)
            {
                Put(MetricTags.Itl, Micros(r.ChunkTimes[i] - r.ChunkTimes[i - 1]));
            }
        }

        var tokens = r.OutputTokens;
        if (tokens is { } n)
        {
            counts.OutputTokens += n;
            if (r.CompletionTokens is not null)
            {
                counts.TokensFromUsage++;
            }
            else
            {
                counts.TokensFromChunks++;
            }

            if (n > 1 && r.FirstToken > 0 && r.LastToken > r.FirstToken)
            {
                var tpot = Micros(r.LastToken - r.FirstToken) / (double)(n - 1);
                Put(MetricTags.Tpot, (long)Math.Round(tpot));
                tpotMs = tpot / 1000.0;
            }
        }
        else
        {
            counts.TokensUnknown++;
        }

        counts.PromptTokens += r.PromptTokens ?? 0;
        if (goodput is not null && goodput.IsGood(latency / 1000.0, ttftMs, tpotMs))
        {
            counts.Good++;
        }
    }

    /// <summary>The e2e histogram, request count and error count since the previous call (for progress lines).</summary>
    public (LongHistogram Latency, long Requests, long Errors) TakeProgress()
    {
        lock (gate)
        {
            var result = (progress, progressRequests, progressErrors);
            progress = MetricTags.NewHistogram(MetricTags.Latency);
            progressRequests = 0;
            progressErrors = 0;
            return result;
        }
    }

    public (long Total, long Errors, long Warmup) Totals()
    {
        lock (gate)
        {
            return (counts.Requests, counts.Failed, warmupRequests);
        }
    }

    /// <summary>A consistent copy of everything recorded; times are ticks of the run clock (0 when none).</summary>
    public MeasuredRun Snapshot()
    {
        lock (gate)
        {
            var copy = new RunCounts();
            copy.Add(counts);
            return new MeasuredRun(
                copy,
                histograms.ToDictionary(kv => kv.Key, kv => (LongHistogram)kv.Value.Copy()),
                firstSent == long.MaxValue ? null : firstSent,
                lastSent == long.MinValue ? null : lastSent,
                lastEnd == long.MinValue ? null : lastEnd,
                warmupRequests);
        }
    }

    /// <summary>Copies of the named histograms, for checks while the run goes on.</summary>
    public IReadOnlyDictionary<string, LongHistogram> Histograms(IEnumerable<string> tags)
    {
        lock (gate)
        {
            return tags.Distinct().ToDictionary(t => t, t => (LongHistogram)histograms[t].Copy());
        }
    }

    public double TicksToMs(long ticks) => ticks / ticksPerMs;

    private long Micros(long ticks) => (long)Math.Round(ticks / ticksPerMicro);

    private void Put(string tag, long micros)
    {
        var h = histograms[tag];
        h.RecordValue(Clamp(micros));
        h.Tag = tag;
    }

    private static long Clamp(long micros) => Math.Clamp(micros, 0, MetricTags.Highest);
}

/// <summary>What <see cref="Measurements"/> held at one moment.</summary>
internal sealed record MeasuredRun(
    RunCounts Counts,
    IReadOnlyDictionary<string, LongHistogram> Histograms,
    long? FirstSent,
    long? LastSent,
    long? LastEnd,
    long WarmupRequests);
