using Gates.Core.Metrics;

namespace Gates.EvalGate.Results;

/// <summary>The outcome of looking a metric up in a results file.</summary>
public abstract record MetricFind
{
    private MetricFind()
    {
    }

    /// <summary>The metric has a usable value. <paramref name="Note"/> tells of anything excluded on the way.</summary>
    public sealed record Found(MetricObservation Observation, string? Note = null) : MetricFind;

    /// <summary>No metric of that name; <paramref name="Suggestions"/> are the closest names the file has.</summary>
    public sealed record Missing(string Reason, IReadOnlyList<string> Suggestions) : MetricFind;

    /// <summary>The metric exists but has no usable value: NaN, infinite, a string, null, or zero items.</summary>
    public sealed record Invalid(string Reason) : MetricFind;
}
