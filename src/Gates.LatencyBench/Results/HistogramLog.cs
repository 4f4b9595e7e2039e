using Gates.Cli.Inputs;
using Gates.Core;
using Gates.LatencyBench.Measure;
using System.Globalization;
using System.Text;
using HdrHistogram;

namespace Gates.LatencyBench.Results;

/// <summary>
/// Writes and reads HdrHistogram interval logs (format 1.3, one tagged interval per metric, values in microseconds),
/// the mergeable form of a shard's distributions, in ASCII with complete zlib streams, as other HdrHistogram
/// implementations write and read them. Reading also accepts the UTF-16 logs earlier versions wrote.
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
        var inv = CultureInfo.InvariantCulture;
        var start = window.StartUnixMs / 1000;
        var length = Math.Max(0, window.EndUnixMs - window.StartUnixMs) / 1000;
        var startText = DateTimeOffset.FromUnixTimeMilliseconds((long)window.StartUnixMs).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", inv);
        var text = new StringBuilder()
            .Append("#[Logged with latency-bench; values in microseconds, Interval_Max in milliseconds]\n")
            .Append("#[Histogram log format version 1.3]\n")
            .Append(inv, $"#[StartTime: {start:F3} (seconds since epoch), {startText}]\n")
            .Append(inv, $"#[BaseTime: {start:F3} (seconds since epoch)]\n")
            .Append("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
        foreach (var (tag, histogram) in histograms.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var max = histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0;
            var encoded = Convert.ToBase64String(HistogramEncoder.Compress(histogram));
            text.Append(inv, $"Tag={tag},{0.0:F3},{length:F3},{max:F3},{encoded}\n");
        }

        return text.ToString();
    }

    private static void Write(Stream stream, IReadOnlyDictionary<string, LongHistogram> histograms, RunWindow window)
    {
        // ASCII (so UTF-8 without a byte order mark), as the Java, C, Go, Rust and JavaScript implementations read it.
        var bytes = Encoding.ASCII.GetBytes(ToText(histograms, window));
        stream.Write(bytes);
    }

    /// <summary>Every interval of the log added up per tag.</summary>
    public static Dictionary<string, LongHistogram> Read(string path)
    {
        try
        {
            using var stream = InputFiles.Open(path, "histogram log");
            return Read(stream);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or ArgumentException or InvalidDataException)
        {
            throw new GateInputException($"{path}: cannot read histogram log: {e.Message}");
        }
    }

    /// <summary>A log embedded in a results file (see <see cref="ToText"/>).</summary>
    public static Dictionary<string, LongHistogram> FromText(string text, string source)
    {
        try
        {
            return Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or ArgumentException or InvalidDataException)
        {
            throw new GateInputException($"{source}: cannot read the embedded histograms: {e.Message}");
        }
    }

    private static Dictionary<string, LongHistogram> Read(Stream stream)
    {
        var result = new Dictionary<string, LongHistogram>(StringComparer.Ordinal);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            line = line.Trim();
            if (line.Length == 0 || line[0] is '#' or '"')
            {
                continue;
            }

            var (tag, h) = ParseInterval(line, number);
            if (!result.TryGetValue(tag, out var sum))
            {
                sum = MetricTags.NewHistogram(tag);
                result[tag] = sum;
            }

            sum.Add(h);
        }

        return result;
    }

    /// <summary>An interval line: <c>[Tag=NAME,]start,length,max,base64</c>.</summary>
    private static (string Tag, HistogramBase Histogram) ParseInterval(string line, int number)
    {
        var tag = "latency";
        if (line.StartsWith("Tag=", StringComparison.Ordinal))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                throw new FormatException($"line {number}: a tag without an interval");
            }

            tag = line[4..comma];
            line = line[(comma + 1)..];
        }

        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            throw new FormatException($"line {number}: expected start,length,max,histogram");
        }

        // HdrHistogram.NET's decoder, which also reads the unfinished zlib streams earlier versions wrote.
        var bytes = Convert.FromBase64String(fields[3]);
        var histogram = HistogramEncoding.DecodeFromCompressedByteBuffer(HdrHistogram.Utilities.ByteBuffer.Allocate(bytes), 0);
        return (tag, histogram);
    }
}
