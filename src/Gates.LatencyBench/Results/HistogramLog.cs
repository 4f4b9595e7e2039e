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
        using var stream = File.Create(path);
        Write(stream, histograms, window);
    }

    /// <summary>The log as text, for embedding in a results file.</summary>
    public static string ToText(IReadOnlyDictionary<string, LongHistogram> histograms, RunWindow window)
    {
        using var stream = new MemoryStream();
        Write(stream, histograms, window);
        // HdrHistogram's writer emits UTF-16 with a byte order mark; the reader detects it.
        using var reader = new StreamReader(new MemoryStream(stream.ToArray()), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static void Write(Stream stream, IReadOnlyDictionary<string, LongHistogram> histograms, RunWindow window)
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

        using var writer = new HistogramLogWriter(stream);
        writer.Write(start, stamped);
    }

    /// <summary>Every interval of the log added up per tag.</summary>
    public static Dictionary<string, LongHistogram> Read(string path)
    {
        try
        {
            using var stream = InputFiles.OpenBinary(path, "histogram log");
            return Read(stream);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new GateInputException($"{path}: cannot read histogram log: {e.Message}");
        }
    }

    /// <summary>A log embedded in a results file (see <see cref="ToText"/>).</summary>
    public static Dictionary<string, LongHistogram> FromText(string text, string source)
    {
        try
        {
            return Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new GateInputException($"{source}: cannot read the embedded histograms: {e.Message}");
        }
    }

    private static Dictionary<string, LongHistogram> Read(Stream stream)
    {
        var result = new Dictionary<string, LongHistogram>(StringComparer.Ordinal);
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

        return result;
    }
}
