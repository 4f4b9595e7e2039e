using System.Globalization;
using System.Text;
using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// A gate report as Prometheus metrics in the text exposition format (version 0.0.4), for a Pushgateway or
/// node-exporter's textfile collector (docs/metrics.md). Every series carries the labels tool, model, version and
/// environment; check series also gate and metric. Verdicts are numbers: 0 pass, 1 warn, 2 inconclusive, 3 fail.
/// A value the report does not have is left out, never written as 0.
/// </summary>
public static class PrometheusText
{
    private static readonly (string Name, string Help, Func<CheckResult, double?> Value)[] CheckFamilies =
    [
        ("gates_check_verdict", "Verdict of the check: 0 pass, 1 warn, 2 inconclusive, 3 fail.", c => (int)c.Verdict),
        ("gates_check_value", "Value the check compares with its threshold (the change against the baseline for a delta check).", CheckValues.ComparedValue),
        ("gates_check_baseline_value", "Baseline value of the check's metric (delta checks).", c => c.BaselineValue),
        ("gates_check_threshold", "Threshold the check compares with (the failing bound).", c => c.Threshold),
        ("gates_check_warn_threshold", "Warning threshold of the check.", c => c.WarnThreshold),
        ("gates_check_interval_low", "Lower bound of the check's confidence interval.", c => c.Interval?.Low),
        ("gates_check_interval_high", "Upper bound of the check's confidence interval.", c => c.Interval?.High),
        ("gates_check_interval_level", "Confidence level of the check's interval (0.95 is 95 %).", c => c.Interval?.Level),
        ("gates_check_samples", "Sample size behind the check (n).", c => c.N),
    ];

    public static string Render(GateReport report, string? environment)
    {
        var run = new List<(string, string)>
        {
            ("tool", report.Tool.Name),
            ("model", report.Subject.Model ?? ""),
            ("version", report.Subject.Version ?? ""),
            ("environment", environment ?? ""),
        };
        var text = new StringBuilder();
        Family(text, "gates_run_verdict", "Overall verdict of the run: 0 pass, 1 warn, 2 inconclusive, 3 fail.", [(Labels(run), (int)report.Verdict)]);
        Family(text, "gates_run_timestamp_seconds", "When the run started, in seconds since the epoch.", [(Labels(run), report.StartedAt.ToUnixTimeMilliseconds() / 1000.0)]);
        Family(text, "gates_run_duration_seconds", "How long the run took.", [(Labels(run), report.DurationSeconds)]);
        Family(text, "gates_run_checks", "Number of checks in the run.", [(Labels(run), report.Checks.Count)]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checks = report.Checks.Where(c => seen.Add(c.Name)).ToList();
        foreach (var (name, help, value) in CheckFamilies)
        {
            var samples = checks
                .Select(c => (Labels([.. run, ("gate", c.Name), ("metric", c.Metric ?? "")]), value(c)))
                .Where(s => s.Item2 is not null)
                .Select(s => (s.Item1, s.Item2!.Value))
                .ToList();
            if (samples.Count > 0)
            {
                Family(text, name, help, samples);
            }
        }

        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (labels, value) in samples)
        {
            text.Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');
        }
    }

    private static string Labels(IEnumerable<(string Name, string Value)> labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")) + "}";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
