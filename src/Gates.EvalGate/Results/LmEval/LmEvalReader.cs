using System.Globalization;
using System.Text.Json;
using Gates.Core;
using Gates.Core.Metrics;
using Gates.EvalGate.Results.Json;

namespace Gates.EvalGate.Results.LmEval;

/// <summary>
/// lm-evaluation-harness results JSON. Each "results.&lt;task&gt;" (and "groups.&lt;group&gt;") entry holds
/// "&lt;metric&gt;,&lt;filter&gt;" values with "&lt;metric&gt;_stderr,&lt;filter&gt;" beside them (a number or "N/A");
/// the metric is named "&lt;task&gt;.&lt;metric&gt;,&lt;filter&gt;" and n comes from n-samples.
/// Files of lm-eval 0.3 (before the 0.4 refactor) have plain "&lt;metric&gt;" and "&lt;metric&gt;_stderr" keys and no
/// n-samples: their metrics are named "&lt;task&gt;.&lt;metric&gt;" and get their interval from the stderr alone.
/// </summary>
internal static class LmEvalReader
{
    private const string StderrSuffix = "_stderr";

    public static IEvalResults Read(string path, string sha256, JsonElement root)
    {
        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Object)
        {
            throw new GateInputException($"{path}: not lm-evaluation-harness output: no \"results\" object");
        }

        var samples = new LmEvalSamples(root);
        var table = new MetricTable();
        var warnings = new List<string>();
        foreach (var section in new[] { "results", "groups" })
        {
            if (root.TryGetProperty(section, out var tasks) && tasks.ValueKind == JsonValueKind.Object)
            {
                foreach (var task in tasks.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object))
                {
                    AddTask(path, root, samples, task, table, warnings);
                }
            }
        }

        if (table.Count == 0)
        {
            throw new GateInputException($"{path}: no numeric metrics (\"<metric>,<filter>\" or, before lm-eval 0.4, \"<metric>\" keys) under \"results\"");
        }

        return new ComputedResults(path, "lm-eval", sha256, warnings, table, LmEvalNames.Resolve);
    }

    private static void AddTask(string path, JsonElement root, LmEvalSamples samples, JsonProperty task, MetricTable table, List<string> warnings)
    {
        string? limitNote = null;
        if (samples.ForTask(task.Name) is { } counts && counts.Effective < counts.Original)
        {
            limitNote = string.Create(CultureInfo.InvariantCulture,
                $"scored on {counts.Effective} of {counts.Original} documents (--limit was used)");
            warnings.Add($"{path}: task '{task.Name}' {limitNote}; lm-eval warns that real metrics should not be computed with a limit");
        }

        var oldFormat = !task.Value.EnumerateObject().Any(e => e.Name.Contains(','));
        foreach (var entry in task.Value.EnumerateObject())
        {
            var comma = entry.Name.IndexOf(',');
            if (comma == 0 || (comma < 0 && !(oldFormat && IsOldFormatMetric(entry))))
            {
                continue;
            }

            var metric = comma < 0 ? entry.Name : entry.Name[..comma];
            var filter = comma < 0 ? null : entry.Name[(comma + 1)..];
            if (metric.EndsWith(StderrSuffix, StringComparison.Ordinal) && task.Value.TryGetProperty(Key(metric[..^StderrSuffix.Length], filter), out _))
            {
                continue;
            }

            var name = $"{task.Name}.{entry.Name}";
            var n = samples.For(task.Name, task.Value, entry.Name);
            table.Add(name, Metric(path, name, entry.Value, Stderr(task.Value, metric, filter), n, HigherIsBetter(root, task.Name, metric), limitNote));
        }
    }

    private static MetricFind Metric(string path, string name, JsonElement value, JsonElement? stderr, long? n, bool? higherIsBetter, string? limitNote)
    {
        if (JsonNumbers.Finite(value, out var problem) is not { } number)
        {
            return MetricProblem.Invalid(path, name, problem!);
        }

        if (n == 0)
        {
            return MetricProblem.Invalid(path, name, "was computed on zero documents");
        }

        var notes = new List<string>();
        double? standardError = null;
        if (stderr is { } element)
        {
            if (JsonNumbers.Finite(element, out var stderrProblem) is { } se && se >= 0)
            {
                standardError = se;
            }
            else
            {
                notes.Add($"its stderr {stderrProblem ?? "is negative"} (lm-eval gives no stderr for this aggregation or sample size)");
            }
        }

        if (limitNote is not null)
        {
            notes.Add(limitNote);
        }

        var observation = new MetricObservation(number) { N = n, StdErr = standardError, HigherIsBetter = higherIsBetter };
        return new MetricFind.Found(observation, notes.Count > 0 ? string.Join("; ", notes) : null);
    }

    private static JsonElement? Stderr(JsonElement task, string metric, string? filter) =>
        task.TryGetProperty(Key(metric + StderrSuffix, filter), out var stderr) ? stderr : null;

    /// <summary>"&lt;metric&gt;,&lt;filter&gt;" in lm-eval 0.4, plain "&lt;metric&gt;" in 0.3 (no filters then).</summary>
    private static string Key(string metric, string? filter) => filter is null ? metric : $"{metric},{filter}";

    /// <summary>A 0.3 metric key: a number (or a non-finite string) under a name that is not bookkeeping like "alias".</summary>
    private static bool IsOldFormatMetric(JsonProperty entry) =>
        entry.Value.ValueKind == JsonValueKind.Number
        || (entry.Value.ValueKind == JsonValueKind.String && entry.Name.EndsWith(StderrSuffix, StringComparison.Ordinal))
        || MetricConventions.IsNonFiniteString(entry.Value);

    private static bool? HigherIsBetter(JsonElement root, string task, string metric) =>
        root.TryGetProperty("higher_is_better", out var all) && all.ValueKind == JsonValueKind.Object
        && all.TryGetProperty(task, out var metrics) && metrics.ValueKind == JsonValueKind.Object
        && metrics.TryGetProperty(metric, out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : null;
}
