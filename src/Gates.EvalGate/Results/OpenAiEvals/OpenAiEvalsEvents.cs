using System.Globalization;
using System.Text.Json;
using Gates.Core;

namespace Gates.EvalGate.Results.OpenAiEvals;

/// <summary>Collects the lines of an openai/evals record: the spec, match and metrics events, and the final report.</summary>
internal sealed class OpenAiEvalsEvents(string path, bool keepItems)
{
    private readonly Dictionary<string, long> matchLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemMetric> metrics = new(StringComparer.Ordinal);

    private readonly SortedDictionary<string, long> eventTypes = new(StringComparer.Ordinal);

    public bool HasSpec { get; private set; }

    public long Events { get; private set; }

    public ItemMetric Accuracy { get; } = new("accuracy", keepItems);

    public IEnumerable<ItemMetric> Metrics => metrics.Values;

    public JsonElement? FinalReport { get; private set; }

    public void Add(JsonElement line, long lineNumber)
    {
        if (line.ValueKind != JsonValueKind.Object)
        {
            throw new GateInputException($"{path}:{lineNumber}: expected a JSON object, found {line.ValueKind}");
        }

        if (line.TryGetProperty("spec", out _))
        {
            HasSpec |= lineNumber == 1;
            return;
        }

        if (line.TryGetProperty("final_report", out var report))
        {
            FinalReport = report.Clone();
            return;
        }

        if (!line.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return;
        }

        Events++;
        var typeName = type.GetString()!;
        eventTypes[typeName] = eventTypes.GetValueOrDefault(typeName) + 1;
        var sampleId = line.TryGetProperty("sample_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var data = line.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        switch (typeName)
        {
            case "match":
                Match(data, sampleId, lineNumber);
                break;
            case "metrics" when data is { } values:
                foreach (var property in values.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                {
                    Metric("metrics." + property.Name).Add(property.Value, null, $"line {lineNumber}");
                }

                break;
        }
    }

    private void Match(JsonElement? data, string? sampleId, long lineNumber)
    {
        if (data is not { } values || !values.TryGetProperty("correct", out var correct) || correct.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new GateInputException($"{path}:{lineNumber}: a match event needs a boolean data.correct");
        }

        if (keepItems)
        {
            if (sampleId is null)
            {
                throw new GateInputException($"{path}:{lineNumber}: a match event has no sample_id; items cannot be paired");
            }

            if (!matchLines.TryAdd(sampleId, lineNumber))
            {
                throw new GateInputException($"{path}:{lineNumber}: sample '{sampleId}' has a second match event (first on line {matchLines[sampleId]}); items cannot be paired");
            }
        }

        Accuracy.Add(correct.GetBoolean() ? 1 : 0, sampleId);
    }

    /// <summary>The events by type, e.g. "1 metrics and 32 sampling events".</summary>
    public string Describe() => eventTypes.Count == 0
        ? "no events"
        : string.Join(" and ", eventTypes.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value} {t.Key}"))) + " events";

    private ItemMetric Metric(string name)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            metric = new ItemMetric(name, keepItems: false);
            metrics[name] = metric;
        }

        return metric;
    }
}
