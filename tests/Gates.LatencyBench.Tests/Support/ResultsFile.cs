using System.Text.Json;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>A written results file, for assertions.</summary>
internal sealed class ResultsFile(string path)
{
    private readonly JsonElement root = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    public double Metric(string name) => root.GetProperty("metrics").GetProperty(name).GetDouble();

    public bool Has(string name) => root.GetProperty("metrics").TryGetProperty(name, out _);

    public long Errors(string errorClass) => root.GetProperty("errors").GetProperty(errorClass).GetInt64();

    public JsonElement Root => root;

    public string Text => File.ReadAllText(path);
}
