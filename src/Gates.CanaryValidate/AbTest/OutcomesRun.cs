using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// The same analysis from logged data: one row per unit or per event, with the unit id (the assignment's
/// hash_key, default unit_id), the arm (<c>arm</c>: control / treatment or the arm's model name) and outcome columns.
/// Rows of one unit are summed, so every metric is a ratio over randomization units with a delta-method variance
/// (task_success_rate of sticky users is Σ successes / Σ requests per user). One look, at the end of the file;
/// guardrails read the last window before the newest <c>timestamp</c>, when there is that column.
/// </summary>
internal static class OutcomesRun
{
    public static (AbSchedule, AbOutcome, IReadOnlyList<InputFile>) Analyze(AbTestDefinition test, string path)
    {
        var table = OutcomeTable.Read(path, "outcomes");
        var warnings = new List<string>();
        var armColumn = new[] { "arm", "variant", "model" }.FirstOrDefault(table.Columns.Contains)
            ?? throw new GateInputException($"{path}: no arm column (arm, variant or model)");
        var missing = test.AllMetrics.Where(m => !table.Columns.Contains(m.Numerator) || (m.Denominator is { } d && !table.Columns.Contains(d) && d != "requests"))
            .Select(m => $"{path}: metric '{m.Name}' needs the column '{(table.Columns.Contains(m.Numerator) ? m.Denominator : m.Numerator)}' (columns: {string.Join(", ", table.Columns.Order())})")
            .ToList();
        if (missing.Count > 0)
        {
            throw new GateInputException(missing);
        }

        var unitColumn = table.Columns.Contains(test.UnitKey) ? test.UnitKey : null;
        if (unitColumn is null)
        {
            warnings.Add($"no '{test.UnitKey}' column: every row counts as its own unit");
        }

        var rows = table.Rows.Select((r, i) => (Row: r, Line: i + 2, Arm: ArmOf(test, r.GetValueOrDefault(armColumn), path, i + 2))).ToList();
        var stamps = table.Columns.Contains("timestamp") ? rows.Select(r => Stamp(r.Row["timestamp"], path, r.Line)).ToList() : null;
        var newest = stamps?.Max();
        ArmSummary? Summary(AbMetric metric, string arm, TimeSpan? window)
        {
            var units = rows.Select((r, i) => (r, i)).Where(x => x.r.Arm == arm && (window is null || newest is null || stamps![x.i] > newest - window))
                .GroupBy(x => unitColumn is null ? x.i.ToString(System.Globalization.CultureInfo.InvariantCulture) : x.r.Row.GetValueOrDefault(unitColumn) ?? "")
                .Select(g => (Y: g.Sum(x => table.Number(x.r.Row, metric.Numerator, x.r.Line, path) ?? 0),
                    X: metric.Denominator is { } d && table.Columns.Contains(d) ? g.Sum(x => table.Number(x.r.Row, d, x.r.Line, path) ?? 0) : g.Count()))
                .ToList();
            return units.Count == 0 ? null : new ArmSummary(units.Count, units.Sum(u => u.Y), units.Sum(u => u.X),
                units.Sum(u => u.Y * u.Y), units.Sum(u => u.X * u.X), units.Sum(u => u.X * u.Y));
        }

        if (unitColumn is not null)
        {
            var both = rows.GroupBy(r => r.Row.GetValueOrDefault(unitColumn)).Count(g => g.Select(r => r.Arm).Distinct().Count() > 1);
            if (both > 0)
            {
                warnings.Add($"{both} units appear in both arms: the assignment was not sticky; their rows count in each arm they saw");
            }
        }

        var metrics = test.Primary.Concat(test.Secondary).Where(m => m.Kind != AbMetricKind.Quantile).DistinctBy(m => m.Name)
            .ToDictionary(m => m.Name, m => (IReadOnlyList<ArmPair>)[new ArmPair(Summary(m, "control", null), Summary(m, "treatment", null))]);
        if (stamps is null && test.Guardrails.Count > 0)
        {
            warnings.Add("no 'timestamp' column: guardrails are evaluated over the whole file, not their trailing windows");
        }

        var quantiles = test.Primary.Concat(test.Secondary).Where(m => m.Kind == AbMetricKind.Quantile)
            .ToDictionary(m => m.Name, m => (Quantile(rows, table, m, "control", path), Quantile(rows, table, m, "treatment", path)));
        var count = (string arm) => unitColumn is null ? rows.LongCount(r => r.Arm == arm) : rows.Where(r => r.Arm == arm).Select(r => r.Row.GetValueOrDefault(unitColumn)).Distinct().LongCount();
        var data = new AbData
        {
            Metrics = metrics,
            Guardrails = [.. test.Guardrails.Select(g => (IReadOnlyList<ArmSummary?>)[Summary(g.Metric, "treatment", g.Window)])],
            Traffic = [new ArmTraffic(count("control"), count("treatment"))],
            Quantiles = quantiles,
        };
        var start = test.StartedAt ?? (stamps is null ? DateTimeOffset.UnixEpoch : stamps.Min());
        var schedule = new AbSchedule(start, test.Duration, test.Duration);
        var outcome = new AbAnalyzer(test, schedule).Analyze(data, 1);
        return (schedule, outcome with { Warnings = [.. warnings, .. outcome.Warnings] }, [table.File]);
    }

    private static string ArmOf(AbTestDefinition test, string? value, string path, int line) => value switch
    {
        "control" => "control",
        "treatment" => "treatment",
        _ when value == test.Control.Label => "control",
        _ when value == test.Treatment.Label => "treatment",
        _ => throw new GateInputException($"{path}:{line}: arm '{value}' is neither control ({test.Control.Label}) nor treatment ({test.Treatment.Label})"),
    };

    private static DateTimeOffset Stamp(string text, string path, int line) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new GateInputException($"{path}:{line}: timestamp '{text}' is not a time");

    private static double? Quantile(List<(IReadOnlyDictionary<string, string> Row, int Line, string Arm)> rows, OutcomeTable table, AbMetric metric, string arm, string path)
    {
        var values = rows.Where(r => r.Arm == arm).Select(r => table.Number(r.Row, metric.Numerator, r.Line, path)).OfType<double>().Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        // Linear interpolation between order statistics (type 7, as numpy's default).
        var h = (values.Length - 1) * metric.Quantile!.Value;
        var low = (int)Math.Floor(h);
        return values[low] + ((h - low) * (values[Math.Min(low + 1, values.Length - 1)] - values[low]));
    }
}
