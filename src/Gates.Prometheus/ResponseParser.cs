using System.Globalization;
using System.Text.Json;

namespace Gates.Prometheus;

/// <summary>Parses the JSON envelope of the Prometheus HTTP API (status, data.resultType, data.result, warnings).</summary>
internal static class ResponseParser
{
    public static QueryResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var warnings = root.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
            ? w.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        if (root.GetProperty("status").GetString() != "success")
        {
            var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "error";
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "unknown error";
            throw new PrometheusQueryException($"{type}: {error}");
        }

        var data = root.GetProperty("data");
        var resultType = data.GetProperty("resultType").GetString() ?? "";
        var result = data.GetProperty("result");
        var series = resultType switch
        {
            "vector" => result.EnumerateArray().Select(s => new PromSeries(Labels(s), [Sample(s.GetProperty("value"))])).ToList(),
            "matrix" => result.EnumerateArray().Select(s => new PromSeries(Labels(s), [.. s.GetProperty("values").EnumerateArray().Select(Sample)])).ToList(),
            "scalar" => [new PromSeries(new Dictionary<string, string>(), [Sample(result)])],
            _ => new List<PromSeries>(),
        };
        return new QueryResult(resultType, series, warnings);
    }

    private static Dictionary<string, string> Labels(JsonElement series) =>
        series.TryGetProperty("metric", out var metric)
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : [];

    private static PromSample Sample(JsonElement pair)
    {
        var seconds = pair[0].GetDouble();
        var text = pair[1].GetString() ?? "NaN";
        var value = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PromSample(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)), value);
    }
}
