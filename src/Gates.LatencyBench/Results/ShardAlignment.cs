using System.Globalization;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Whether shards ran at the same time, and the window of their merge. Shards are started by separate processes
/// (often on separate machines), so their measurement windows never start at exactly the same instant. Their starts
/// may differ by at most <see cref="Tolerance"/>: max(<see cref="MinSkewSeconds"/> s, <see cref="SkewShare"/> of the
/// shortest shard's window). Within it the merged window is the mean of the shard windows, so for shards of equal
/// length the merged rates are the sums of the shard rates; beyond it the shards did not load the server together
/// and the merged run is invalid. Ends are not checked: a shard bounded by --requests ends when its count is done.
/// </summary>
internal static class ShardAlignment
{
    /// <summary>Start skew always tolerated, in seconds.</summary>
    public const double MinSkewSeconds = 1;

    /// <summary>Start skew tolerated, as a share of the shortest shard window.</summary>
    public const double SkewShare = 0.05;

    public static double StartSkewSeconds(IReadOnlyList<RunWindow> windows) => Spread(windows.Select(w => w.StartUnixMs));

    public static double Tolerance(IReadOnlyList<RunWindow> windows) => Math.Max(MinSkewSeconds, SkewShare * windows.Min(w => w.Seconds));

    /// <summary>Why the shards cannot be taken as one run (empty when they are aligned within the tolerance).</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<RunWindow> windows)
    {
        var problems = new List<string>();
        if (windows.Count < 2)
        {
            return problems;
        }

        var tolerance = Tolerance(windows);
        var start = StartSkewSeconds(windows);
        if (start > tolerance)
        {
            problems.Add($"the shards started {F(start)} s apart, more than the {F(tolerance)} s tolerated (max({F(MinSkewSeconds)} s, " +
                $"{SkewShare:P0} of the shortest shard window)): they did not load the server at the same time");
        }

        return problems;
    }

    /// <summary>
    /// The merged window: every bound is the mean of the shards' bounds, so its length is the mean shard window and
    /// a count over it is the sum of the shard rates, whatever the skew.
    /// </summary>
    public static RunWindow Merged(IReadOnlyList<RunWindow> windows)
    {
        var sent = windows.Where(w => w.FirstSentUnixMs is not null && w.LastSentUnixMs is not null).ToList();
        return new RunWindow
        {
            StartUnixMs = windows.Average(w => w.StartUnixMs),
            EndUnixMs = windows.Average(w => w.EndUnixMs),
            FirstSentUnixMs = sent.Count > 0 ? sent.Average(w => w.FirstSentUnixMs!.Value) : null,
            LastSentUnixMs = sent.Count > 0 ? sent.Average(w => w.LastSentUnixMs!.Value) : null,
        };
    }

    private static double Spread(IEnumerable<double> unixMs)
    {
        var list = unixMs.ToList();
        return (list.Max() - list.Min()) / 1000;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
