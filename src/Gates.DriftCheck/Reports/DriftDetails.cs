using System.Text.Json.Nodes;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Reports;

/// <summary>
/// The "drift-check" section of the gate report, also written alone by <c>--drift-json</c>: settings, both data
/// sets and every column with its type, status, method, statistics, signals and chart data.
/// </summary>
internal static class DriftDetails
{
    public static JsonObject For(DriftResult result, DriftSettings s, TableProfile reference, TableProfile current) => new()
    {
        ["mode"] = s.Mode == DriftMode.Evidently ? "evidently" : "default",
        ["settings"] = new JsonObject
        {
            ["alpha"] = s.Alpha,
            ["power"] = s.Power,
            ["correction"] = s.BenjaminiHochberg ? "benjamini-hochberg" : "none",
            ["numericEffect"] = s.NumericEffect,
            ["categoricalEffect"] = s.CategoricalEffect,
            ["psiBins"] = s.PsiBins,
            ["psiSmoothing"] = s.PsiSmoothing,
            ["maxCategories"] = s.MaxCategories,
            ["missingValues"] = new JsonArray([.. s.MissingValues.Select(v => (JsonNode)v)]),
        },
        ["reference"] = Source(reference),
        ["current"] = Source(current),
        ["dataset"] = new JsonObject
        {
            ["columnsCompared"] = result.Compared,
            ["driftedColumns"] = result.Drifted,
            ["insufficientColumns"] = result.Insufficient,
            ["notTestedColumns"] = result.NotTested,
            ["shareOfDriftedColumns"] = result.ShareDrifted,
        },
        ["columns"] = new JsonArray([.. result.Columns.Select(c => (JsonNode)Column(c))]),
    };

    private static JsonObject Source(TableProfile t)
    {
        var o = new JsonObject { ["path"] = t.Path, ["format"] = t.Format, ["rows"] = t.Rows, ["sha256"] = t.Sha256 };
        if (t.SourceName is { } name)
        {
            o["profileOf"] = new JsonObject { ["name"] = name, ["sha256"] = t.SourceSha256 };
        }

        return o;
    }

    private static JsonObject Column(ColumnResult c)
    {
        var o = new JsonObject
        {
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["typeReason"] = c.TypeReason,
            ["critical"] = c.Critical,
            ["status"] = c.Status.ToWord(),
            ["reason"] = c.Reason,
            ["method"] = c.Method,
            ["statistic"] = Number(c.Statistic),
            ["statisticName"] = c.StatisticName,
            ["threshold"] = Number(c.Threshold),
            ["driftWhen"] = c.DriftWhen,
            ["pValue"] = Number(c.PValue),
            ["adjustedPValue"] = Number(c.AdjustedPValue),
            ["referenceCount"] = c.ReferenceCount,
            ["currentCount"] = c.CurrentCount,
            ["effect"] = c.Effect,
            ["detectableEffect"] = Number(c.DetectableEffect),
            ["neededCurrentRows"] = c.NeededCurrentRows,
            ["metrics"] = new JsonObject(c.Metrics.Where(m => double.IsFinite(m.Value)).Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            ["signals"] = new JsonArray([.. c.Signals.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["value"] = Number(s.Value),
                ["threshold"] = s.Threshold,
                ["pValue"] = Number(s.PValue),
                ["fired"] = s.Fired,
                ["severity"] = s.Severity.ToString().ToLowerInvariant(),
                ["words"] = s.Words,
                ["examples"] = new JsonArray([.. s.Examples.Select(e => (JsonNode)e)]),
            })]),
            ["notes"] = new JsonArray([.. c.Notes.Select(n => (JsonNode)n)]),
        };
        RichColumnsJson.AddTo(o, c);
        if (c.Histogram is { } h)
        {
            o["histogram"] = HistogramJson(h);
        }

        return o;
    }

    /// <summary>A histogram's bin labels and the reference and current shares (rounded to 6 decimals).</summary>
    internal static JsonObject HistogramJson(Histogram h) => new()
    {
        ["labels"] = new JsonArray([.. h.Labels.Select(l => (JsonNode)l)]),
        ["reference"] = new JsonArray([.. h.Reference.Select(v => (JsonNode)Math.Round(v, 6))]),
        ["current"] = new JsonArray([.. h.Current.Select(v => (JsonNode)Math.Round(v, 6))]),
    };

    /// <summary>JSON has no NaN or infinity: those are written as null.</summary>
    internal static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
