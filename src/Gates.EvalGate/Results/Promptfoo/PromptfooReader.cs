using System.Globalization;
using System.Text.Json;
using Gates.Core;
using Gates.Core.Metrics;

namespace Gates.EvalGate.Results.Promptfoo;

/// <summary>
/// promptfoo output JSON (<c>promptfoo eval -o results.json</c>): pass_rate is successes over every result, errors
/// counted as failures (as promptfoo-action does), so a Wilson interval applies; score and namedScores are means;
/// stats.* are the file's own totals.
/// </summary>
internal static class PromptfooReader
{
    public static IEvalResults Read(string path, string sha256, JsonElement root, ReadOptions options)
    {
        var summary = root.TryGetProperty("results", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
        if (!summary.TryGetProperty("results", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new GateInputException($"{path}: not promptfoo output: no \"results.results\" list");
        }

        var stats = summary.TryGetProperty("stats", out var s) && s.ValueKind == JsonValueKind.Object ? s : (JsonElement?)null;
        var results = list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var table = new MetricTable();
        var warnings = new List<string>();
        IReadOnlyDictionary<string, string>? labels = null;
        if (results.Count == 0)
        {
            FromStatsOnly(path, stats, table, warnings);
        }
        else
        {
            var repeated = PromptfooRepeats.ItemIds(path, results, options.IdField);
            var ids = repeated ?? (options.KeepItems ? PromptfooIds.For(path, results, options.IdField) : null);
            var tally = new PromptfooTally(path, options.KeepItems, grouped: repeated is not null);
            if (repeated is not null)
            {
                warnings.Add(RepeatNote(repeated));
                labels = PromptfooRepeats.Labels(results, repeated);
            }

            for (var i = 0; i < results.Count; i++)
            {
                tally.Add(results[i], i, ids?[i]);
            }

            tally.AddTo(table, warnings);
            CrossCheck(path, stats, tally, warnings);
        }

        if (stats is { } totals)
        {
            AddStats(totals, "stats", table);
        }

        return new ComputedResults(path, "promptfoo", sha256, warnings, table) { Labels = labels };
    }

    private static string RepeatNote(IReadOnlyList<string> ids)
    {
        var runs = ids.GroupBy(id => id, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var each = runs.Min() == runs.Max()
            ? $"{runs[0]} times each"
            : $"{runs.Min()} to {runs.Max()} times";
        return string.Create(CultureInfo.InvariantCulture,
            $"{ids.Count} results are {runs.Count} test cases run {each} (repeated test cases); rates and means count each item once (n = {runs.Count} items); per-item gates: per_item: all, any, flaky, {{at_least: k}}, {{pass_at: k}}, {{pass_all: k}}");
    }

    private static void FromStatsOnly(string path, JsonElement? stats, MetricTable table, List<string> warnings)
    {
        var (successes, failures, errors) = Counts(stats);
        var n = successes + failures + errors;
        if (n == 0)
        {
            throw new GateInputException($"{path}: no test results (0 successes, 0 failures, 0 errors)");
        }

        warnings.Add($"{path}: no per-test results in the file; pass_rate comes from stats");
        table.Add("pass_rate", new MetricFind.Found(new MetricObservation((double)successes / n) { N = n, Successes = successes, HigherIsBetter = true }));
        table.Add("error_rate", new MetricFind.Found(new MetricObservation((double)errors / n) { N = n, Successes = errors, HigherIsBetter = false }));
    }

    private static void CrossCheck(string path, JsonElement? stats, PromptfooTally tally, List<string> warnings)
    {
        if (stats is null)
        {
            return;
        }

        var (successes, failures, errors) = Counts(stats);
        if (successes != tally.Passed || successes + failures + errors != tally.Count)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}: stats say {successes} successes, {failures} failures, {errors} errors, but the file lists {tally.Count} results with {tally.Passed} successes; metrics use the listed results"));
        }
    }

    private static (long Successes, long Failures, long Errors) Counts(JsonElement? stats)
    {
        long Get(string key) => stats is { } s && s.TryGetProperty(key, out var v) && v.TryGetInt64(out var n) ? n : 0;
        return (Get("successes"), Get("failures"), Get("errors"));
    }

    private static void AddStats(JsonElement element, string prefix, MetricTable table)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var value))
            {
                table.Add(name, new MetricFind.Found(new MetricObservation(value)));
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                AddStats(property.Value, name, table);
            }
        }
    }
}
