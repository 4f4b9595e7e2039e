using System.Globalization;
using System.Text;

namespace Gates.Testing.Prometheus;

/// <summary>
/// Writes deterministic series as OpenMetrics text for <c>promtool tsdb create-blocks-from openmetrics</c>: each
/// series is its own family of type unknown, samples every <see cref="Step"/> in time order, ending with # EOF.
/// </summary>
public sealed class OpenMetricsWriter
{
    private readonly Dictionary<string, List<string>> families = new(StringComparer.Ordinal);

    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Adds a series whose value at each step is <paramref name="value"/>(seconds since <paramref name="from"/>).</summary>
    public OpenMetricsWriter Series(string name, string labels, DateTimeOffset from, TimeSpan length, Func<double, double> value)
    {
        if (!families.TryGetValue(name, out var lines))
        {
            families[name] = lines = [];
        }

        for (var t = TimeSpan.Zero; t <= length; t += Step)
        {
            var at = (from + t).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var v = value(t.TotalSeconds).ToString("0.######", CultureInfo.InvariantCulture);
            lines.Add($"{name}{{{labels}}} {v} {at}");
        }

        return this;
    }

    /// <summary>A counter that grows at <paramref name="perSecond"/>, counted in whole events.</summary>
    public OpenMetricsWriter Counter(string name, string labels, DateTimeOffset from, TimeSpan length, double perSecond) =>
        Series(name, labels, from, length, s => Math.Floor(perSecond * s));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, lines) in families)
        {
            text.Append("# TYPE ").Append(name).Append(" unknown\n");
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.Append("# EOF\n").ToString();
    }
}
