using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Cli.Tests.Hosts;

internal static class SampleReport
{
    public static GateReport Failing() => new()
    {
        Tool = new ToolInfo("eval-gate", "0.1.0"),
        Subject = new Subject { Model = "support-bot", Version = "2026.11.3" },
        Verdict = Verdict.Fail,
        Summary = "1 of 3 gates failed",
        StartedAt = new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.Zero),
        DurationSeconds = 1.5,
        Checks =
        [
            new CheckResult
            {
                Name = "groundedness", Metric = "groundedness_score", Observed = 0.91, Comparison = Comparison.Gte,
                Threshold = 0.85, Verdict = Verdict.Pass, Reason = "0.91 >= 0.85",
            },
            new CheckResult
            {
                Name = "toxicity", Metric = "toxicity_rate", Observed = 0.021, Comparison = Comparison.Lte,
                Threshold = 0.02, Verdict = Verdict.Inconclusive, Borderline = true,
                Reason = "0.021 violates <= 0.02; the interval straddles the threshold",
            },
            new CheckResult
            {
                Name = "hallucination", Metric = "hallucination_rate", Observed = 0.11, Comparison = Comparison.Lte,
                Threshold = 0.08, Verdict = Verdict.Fail, Reason = "0.11 violates <= 0.08",
            },
        ],
    };
}
