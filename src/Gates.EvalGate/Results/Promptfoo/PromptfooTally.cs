using System.Text.Json;
using Gates.Core;

namespace Gates.EvalGate.Results.Promptfoo;

/// <summary>Accumulates promptfoo results into pass_rate, error_rate, score, namedScores.*, latency_ms and cost, also per provider.</summary>
internal sealed class PromptfooTally(string path, bool keepItems, bool grouped = false)
{
    private const int ErrorReason = 2;
    private readonly Dictionary<string, ItemMetric> metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ItemMetric Pass, ItemMetric Score)> providers = new(StringComparer.Ordinal);

    public long Count { get; private set; }

    public long Passed { get; private set; }

    public void Add(JsonElement result, int index, string? id)
    {
        var where = $"results[{index}]";
        var success = Success(result, where);
        var error = IsError(result, success);
        Count++;
        Passed += success ? 1 : 0;
        Metric("pass_rate").Add(success ? 1 : 0, id);
        Metric("error_rate").Add(error ? 1 : 0, id);
        var score = Property(result, "score");
        Metric("score").Add(score, id, where + ".score");
        Metric("latency_ms").Add(Property(result, "latencyMs"), id, where + ".latencyMs");
        Metric("cost").Add(Property(result, "cost"), id, where + ".cost");
        foreach (var named in NamedScores(result))
        {
            Metric("namedScores." + named.Name).Add(named.Value, id, $"{where}.namedScores.{named.Name}");
        }

        var provider = PromptfooIds.Provider(result);
        if (!providers.TryGetValue(provider, out var byProvider))
        {
            byProvider = (new ItemMetric($"provider.{provider}.pass_rate", false, grouped), new ItemMetric($"provider.{provider}.score", false, grouped));
            providers[provider] = byProvider;
        }

        var groupId = grouped ? id : null;
        byProvider.Pass.Add(success ? 1 : 0, groupId);
        byProvider.Score.Add(score, groupId, where + ".score");
    }

    public void AddTo(MetricTable table, List<string> warnings)
    {
        foreach (var metric in metrics.Values)
        {
            var find = metric.ToFind(path, metric.Name switch
            {
                "pass_rate" => true,
                "error_rate" or "latency_ms" or "cost" => false,
                _ => null,
            });
            if (metric.Missing < metric.Total || metric.Name is "pass_rate" or "error_rate")
            {
                table.Add(metric.Name, find, metric.ItemValues);
                if (metric.ItemRuns is { } runs)
                {
                    table.AddRuns(metric.Name, runs);
                }
            }
        }

        if (providers.Count > 1)
        {
            warnings.Add($"{path}: results from {providers.Count} providers are pooled in pass_rate and score; per provider see {string.Join(", ", providers.Keys.Select(p => $"provider.{p}.pass_rate"))}");
            foreach (var (pass, score) in providers.Values)
            {
                table.Add(pass.Name, pass.ToFind(path, true));
                if (pass.ItemRuns is { } runs)
                {
                    table.AddRuns(pass.Name, runs);
                }

                table.Add(score.Name, score.ToFind(path));
            }
        }
    }

    private ItemMetric Metric(string name)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            metric = new ItemMetric(name, keepItems, grouped);
            metrics[name] = metric;
        }

        return metric;
    }

    private bool Success(JsonElement result, string where)
    {
        if (Property(result, "success") is { ValueKind: JsonValueKind.True or JsonValueKind.False } success)
        {
            return success.GetBoolean();
        }

        if (Property(result, "gradingResult") is { ValueKind: JsonValueKind.Object } grading
            && Property(grading, "pass") is { ValueKind: JsonValueKind.True or JsonValueKind.False } pass)
        {
            return pass.GetBoolean();
        }

        throw new GateInputException($"{path}: {where} has no boolean \"success\"");
    }

    private static bool IsError(JsonElement result, bool success)
    {
        if (Property(result, "failureReason") is { ValueKind: JsonValueKind.Number } reason)
        {
            return reason.TryGetInt32(out var code) && code == ErrorReason;
        }

        return !success && Property(result, "error") is { ValueKind: JsonValueKind.String } error && error.GetString()!.Length > 0;
    }

    private static IEnumerable<(string Name, JsonElement Value)> NamedScores(JsonElement result)
    {
        var named = Property(result, "namedScores");
        if (named is not { ValueKind: JsonValueKind.Object } && Property(result, "gradingResult") is { ValueKind: JsonValueKind.Object } grading)
        {
            named = Property(grading, "namedScores");
        }

        return named is { ValueKind: JsonValueKind.Object } scores
            ? scores.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;
}
