using Gates.Core;
using Gates.Core.Metrics;

namespace Gates.EvalGate.Results;

public static class EvalResultsExtensions
{
    /// <summary>The metric's observation, or a <see cref="GateInputException"/> (exit 2) saying why there is none.</summary>
    public static MetricObservation Require(this IEvalResults results, string metric) =>
        results.Find(metric) switch
        {
            MetricFind.Found found => found.Observation,
            MetricFind.Missing missing => throw new GateInputException(missing.Reason),
            MetricFind.Invalid invalid => throw new GateInputException(invalid.Reason),
            _ => throw new InvalidOperationException("unknown metric find"),
        };
}
