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
            warnings.Add($"{path}: no final_report line; the run may not have finished");
        }

        var reported = report is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("accuracy", out var a) ? a : (JsonElement?)null;
        if (events.Accuracy.Total > 0)
        {
            table.Add("accuracy", Accuracy(path, events.Accuracy, report, reported, warnings), events.Accuracy.Items);
        }
        else if (reported is { } value)
        {
            table.Add("accuracy", FromReportOnly(path, value, warnings));
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

    private static MetricFind FromReportOnly(string path, JsonElement value, List<string> warnings)
    {
        if (JsonNumbers.Finite(value, out var problem) is not { } accuracy)
        {
            return MetricProblem.Invalid(path, "accuracy", $"{problem}: the run recorded no match events");
        }

        warnings.Add($"{path}: no match events; accuracy comes from final_report without n");
        return new MetricFind.Found(new MetricObservation(accuracy) { HigherIsBetter = true }, "from final_report; no match events, so n is unknown");
    }

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
