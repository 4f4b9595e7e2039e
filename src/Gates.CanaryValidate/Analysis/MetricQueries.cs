namespace Gates.CanaryValidate.Analysis;

/// <summary>
/// The PromQL templates of one gate, by role: <c>errors</c>/<c>requests</c> (proportion), <c>sum</c>/<c>count</c>
/// (+ <c>sum_squares</c>) (mean), <c>requests</c>/<c>buckets</c> (quantile: a vector by <c>le</c>). The baseline uses the same text with
/// {{canary}} standing for the baseline, unless a <c>baseline_ROLE</c> template is given.
/// </summary>
internal sealed record MetricQueries(IReadOnlyDictionary<string, string> Templates)
{
    public string For(string role, bool baseline) =>
        baseline && Templates.TryGetValue("baseline_" + role, out var own) ? own : Templates[role];

    public bool Has(string role) => Templates.ContainsKey(role);

    public static IReadOnlyList<string> RolesFor(MetricKind kind) => kind switch
    {
        MetricKind.Proportion => ["errors", "requests"],
        MetricKind.Mean => ["sum", "count"],
        _ => ["requests", "buckets"],
    };
}
