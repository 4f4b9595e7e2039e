using System.Globalization;
using System.Text.Json;
using Gates.Core.Metrics;
using Gates.EvalGate.Results.Json;

namespace Gates.EvalGate.Results.OpenAiEvals;

/// <summary>Turns collected openai/evals events into metrics, cross-checking accuracy with the final report.</summary>
internal static class OpenAiEvalsMetrics
{
    /// <summary>The bootstrap standard deviation key as openai/evals writes it (the misspelling is real), then the corrected one.</summary>
    private static readonly string[] BootstrapKeys = ["boostrap_std", "bootstrap_std"];

    public static void AddTo(string path, OpenAiEvalsEvents events, MetricTable table, List<string> warnings)
    {
        var report = events.FinalReport;
        if (report is null)
        {
            warnings.Add($"{path}: no final_report line: the run stopped before it finished ({events.Describe()})");
        }

        var reported = report is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("accuracy", out var a) ? a : (JsonElement?)null;
        if (events.Accuracy.Total > 0)
        {
            table.Add("accuracy", Accuracy(path, events.Accuracy, report, reported, warnings), events.Accuracy.Items);
        }
        else if (reported is { } value)
        {
            table.Add("accuracy", FromReportOnly(path, value, report!.Value, warnings));
        }
        else if (report is null)
        {
            table.AddHidden("accuracy", MetricProblem.Invalid(path, "accuracy", $"was never recorded: the run stopped early ({events.Describe()}, no match events and no final_report)"));
        }

        foreach (var metric in events.Metrics)
        {
            table.Add(metric.Name, metric.ToFind(path));
        }

        if (report is { ValueKind: JsonValueKind.Object } final)
        {
            AddReport(path, final, "final_report", table);
        }
    }

    private static MetricFind Accuracy(string path, ItemMetric accuracy, JsonElement? report, JsonElement? reported, List<string> warnings)
    {
        var find = accuracy.ToFind(path, higherIsBetter: true);
        if (find is not MetricFind.Found found)
        {
            return find;
        }

        var observation = found.Observation;
        if (reported is { } value && JsonNumbers.Finite(value, out _) is { } fromReport && Math.Abs(fromReport - observation.Value) > 1e-9)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}: final_report.accuracy is {fromReport} but the match events give {observation.Successes}/{observation.N} = {observation.Value}; using the events"));
        }

        return found with { Observation = observation with { StdErr = BootstrapStd(report) } };
    }

    /// <summary>
    /// accuracy from the final report alone. Its n is final_report.n_samples when the report has it: an accuracy that
    /// is a whole number of those samples is a proportion with successes and n (a Wilson interval); any other gets n
    /// and the bootstrap standard deviation, if the report has one.
    /// </summary>
    private static MetricFind FromReportOnly(string path, JsonElement value, JsonElement report, List<string> warnings)
    {
        if (JsonNumbers.Finite(value, out var problem) is not { } accuracy)
        {
            return MetricProblem.Invalid(path, "accuracy", $"{problem}: the run recorded no match events");
        }

        var observation = new MetricObservation(accuracy) { HigherIsBetter = true };
        if (SampleCount(report) is not { } n)
        {
            warnings.Add($"{path}: no match events and no final_report.n_samples; accuracy comes from final_report without n");
            return new MetricFind.Found(observation, "from final_report; no match events and no n_samples, so n is unknown");
        }

        var successes = Math.Round(accuracy * n);
        var note = string.Create(CultureInfo.InvariantCulture, $"from final_report, n = final_report.n_samples = {n} (no match events)");
        if (accuracy is >= 0 and <= 1 && Math.Abs(successes - (accuracy * n)) < 1e-6 * Math.Max(1, n))
        {
            return new MetricFind.Found(observation with { N = n, Successes = (long)successes }, note);
        }

        return new MetricFind.Found(observation with { N = n, StdErr = BootstrapStd(report) }, note + "; it is not a whole number of samples, so no proportion interval");
    }

    private static long? SampleCount(JsonElement report) =>
        report.TryGetProperty("n_samples", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var count) && count > 0
            ? count
            : null;

    private static double? BootstrapStd(JsonElement? report)
    {
        foreach (var key in BootstrapKeys)
        {
            if (report is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(key, out var std)
                && JsonNumbers.Finite(std, out _) is { } value && value >= 0)
            {
                return value;
            }
        }

        return null;
    }

    private static void AddReport(string path, JsonElement element, string prefix, MetricTable table)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = $"{prefix}.{property.Name}";
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                AddReport(path, value, name, table);
            }
            else if (value.ValueKind == JsonValueKind.Number || MetricConventions.IsNonFiniteString(value))
            {
                table.Add(name, JsonNumbers.Finite(value, out var problem) is { } number
                    ? new MetricFind.Found(new MetricObservation(number))
                    : MetricProblem.Invalid(path, name, problem!));
            }
        }
    }
}
