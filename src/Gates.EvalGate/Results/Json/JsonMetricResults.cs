using System.Text.Json;
using Gates.Core;

namespace Gates.EvalGate.Results.Json;

/// <summary>Plain metric JSON, flat or nested: <c>{"groundedness_score": 0.87, "n": 200}</c>.</summary>
internal sealed class JsonMetricResults : IEvalResults
{
    private readonly JsonDocument document;
    private readonly List<string> names;

    private JsonMetricResults(string path, string sha256, JsonDocument document, List<string> names)
    {
        Path = path;
        Sha256 = sha256;
        this.document = document;
        this.names = names;
    }

    public string Path { get; }

    public string Format => "json";

    public string Sha256 { get; }

    public IReadOnlyList<string> Warnings => [];

    public IEnumerable<string> MetricNames => names;

    public static JsonMetricResults Create(string path, string sha256, JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GateInputException($"{path}: expected a JSON object of metrics, found {Kind(root)}");
        }

        var names = JsonMetricNames.Collect(root);
        if (names.Count == 0)
        {
            throw new GateInputException($"{path}: no numeric metrics in the file");
        }

        return new JsonMetricResults(path, sha256, document, names);
    }

    public MetricFind Find(string metric)
    {
        var root = document.RootElement;
        if (JsonMetricLocation.Find(root, metric) is not { } location)
        {
            return NameSuggestions.Missing(metric, Path, Format, names);
        }

        if (location.Value.ValueKind == JsonValueKind.Object && MetricConventions.ValueKey(location.Value) is null)
        {
            var inside = names.Where(n => n.StartsWith(metric + ".", StringComparison.Ordinal)).Take(5).ToList();
            var list = inside.Count > 0 ? $"; inside it: {string.Join(", ", inside)}" : "";
            return new MetricFind.Missing($"{Path}: '{metric}' is an object, not a metric{list}", inside);
        }

        return new JsonMetricValue(Path, metric).Read(location);
    }

    public IReadOnlyDictionary<string, double>? ItemValues(string metric) => null;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
