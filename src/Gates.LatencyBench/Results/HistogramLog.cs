using Gates.Cli.Inputs;
using Gates.Core;
using Gates.LatencyBench.Measure;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Writes and reads HdrHistogram interval logs (format 1.3, one tagged interval per metric, values in microseconds),
/// the mergeable form of a shard's distributions. Any HdrHistogram tool can read them.
/// </summary>
internal static class HistogramLog
{
    public static void Write(string path, IReadOnlyDictionary<string, LongHistogram> histograms, RunWindow window)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds((long)window.StartUnixMs).UtcDateTime;
        var stamped = histograms.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var copy = (LongHistogram)kv.Value.Copy();
            copy.Tag = kv.Key;
            copy.StartTimeStamp = (long)window.StartUnixMs;
            copy.EndTimeStamp = (long)window.EndUnixMs;
            return (HistogramBase)copy;
        }).ToArray();

        using var stream = File.Create(path);
        using var writer = new HistogramLogWriter(stream);
        writer.Write(start, stamped);
    }

    /// <summary>Every interval of the log added up per tag.</summary>
    public static Dictionary<string, LongHistogram> Read(string path)
    {
        var result = new Dictionary<string, LongHistogram>(StringComparer.Ordinal);
        try
        {
            using var stream = InputFiles.OpenBinary(path, "histogram log");
            using var reader = new HistogramLogReader(stream);
            foreach (var h in reader.ReadHistograms())
            {
                var tag = string.IsNullOrEmpty(h.Tag) ? "latency" : h.Tag;
                if (!result.TryGetValue(tag, out var sum))
                {
                    sum = MetricTags.NewHistogram(tag);
                    result[tag] = sum;
                }

                sum.Add(h);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new GateInputException($"{path}: cannot read histogram log: {e.Message}");
        }

        return result;
    }
}
