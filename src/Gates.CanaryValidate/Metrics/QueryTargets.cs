namespace Gates.CanaryValidate.Metrics;

/// <summary>The names the queries' placeholders stand for.</summary>
internal sealed record QueryTargets(string Canary, string Baseline, string Namespace)
{
    /// <summary>Placeholder values for one side: on the baseline side {{canary}} stands for the baseline.</summary>
    public IReadOnlyDictionary<string, string> Variables(bool baselineSide, TimeSpan window) => new Dictionary<string, string>
    {
        ["canary"] = baselineSide ? Baseline : Canary,
        ["baseline"] = Baseline,
        ["namespace"] = Namespace,
        ["window"] = Gates.Prometheus.QueryTemplate.Duration(window),
    };
}
