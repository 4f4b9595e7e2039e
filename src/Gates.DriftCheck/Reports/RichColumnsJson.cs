using System.Text.Json.Nodes;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>The "text" and "embedding" parts of a column in the drift details JSON.</summary>
internal static class RichColumnsJson
{
    public static void AddTo(JsonObject o, ColumnResult c)
    {
        if (c.Text is { } t)
        {
            o["text"] = new JsonObject
            {
                ["referenceSample"] = t.ReferenceSample,
                ["currentSample"] = t.CurrentSample,
                ["vocabularySize"] = t.VocabularySize,
                ["classifier"] = t.Classifier is { } k ? Method(k) : null,
                ["descriptors"] = new JsonArray([.. t.Descriptors.Select(d => (JsonNode)Method(d))]),
            };
        }

        if (c.Embedding is { } e)
        {
            o["embedding"] = new JsonObject
            {
                ["dimension"] = e.Dimension,
                ["referenceRows"] = e.ReferenceRows,
                ["currentRows"] = e.CurrentRows,
                ["referenceSample"] = e.ReferenceSample,
                ["currentSample"] = e.CurrentSample,
                ["methods"] = new JsonArray([.. e.Methods.Select(m => (JsonNode)Method(m))]),
            };
        }
    }

    private static JsonObject Method(MethodResult m)
    {
        var o = new JsonObject
        {
            ["name"] = m.Name,
            ["method"] = m.Method,
            ["statisticName"] = m.StatisticName,
            ["statistic"] = Number(m.Statistic),
            ["threshold"] = Number(m.Threshold),
            ["pValue"] = Number(m.PValue),
            ["drift"] = m.Drift,
            ["words"] = m.Words,
        };
        if (m.Histogram is { } h)
        {
            o["histogram"] = DriftDetails.HistogramJson(h);
        }

        return o;
    }

    private static JsonNode? Number(double? value) => DriftDetails.Number(value);
}
