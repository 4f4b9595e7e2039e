using System.Text.Json.Nodes;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Tests.Reporting;

/// <summary>Reports the renderer tests share: one realistic run with every verdict, and one with nothing optional.</summary>
public static class SampleReports
{
    public const string HostileName = "<img src=x> | @org/team ::error::x -->";

    /// <summary>eval-gate on a support bot: pass, warn, inconclusive, fail, a borderline advisory check with a hostile name.</summary>
    public static GateReport Realistic() => new()
    {
        Tool = new ToolInfo("eval-gate", "0.1.0"),
        Subject = new Subject { Model = "support-bot", Version = "2026.11.3", Commit = "3f2c9a1e5b7d" },
        Verdict = Verdict.Fail,
        Summary = "1 of 6 gates failed: hallucination",
        StartedAt = new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.Zero),
        DurationSeconds = 2.375,
        Inputs = [new InputFile("results", "out/eval/results.jsonl", new string('a', 64))],
        Thresholds = new InputFile("thresholds", "thresholds/support-bot.yaml", new string('b', 64)),
        Checks =
        [
            new CheckResult
            {
                Name = "groundedness", Metric = "groundedness_score", Observed = 0.912, Comparison = Comparison.Gte,
                Threshold = 0.85, Verdict = Verdict.Pass, N = 500, Interval = new Interval(0.8841, 0.9346, 0.95),
                Method = "wilson", Reason = "0.912 >= 0.85; 95% CI [0.8841, 0.9346], n=500",
            },
            new CheckResult
            {
                Name = "answer_relevance", Metric = "answer_relevance", Observed = 0.874, Comparison = Comparison.Gte,
                Threshold = 0.85, WarnThreshold = 0.9, Verdict = Verdict.Warn, N = 500,
                Reason = "0.874 >= 0.85, inside the warn band (warn at 0.9)",
            },
            new CheckResult
            {
                Name = "toxicity", Metric = "toxicity_rate", Observed = 0.021, Comparison = Comparison.Lte,
                Threshold = 0.02, Verdict = Verdict.Inconclusive, N = 1000, Interval = new Interval(0.0137, 0.0319, 0.95),
                Method = "wilson", Borderline = true, SamplesToResolve = 4100,
                Reason = "0.021 violates <= 0.02; 95% CI [0.0137, 0.0319], n=1000; the interval straddles the threshold, " +
                    "so the evidence is not enough either way (about 4100 samples would resolve it)",
            },
            new CheckResult
            {
                Name = "hallucination", Metric = "hallucination_rate", Observed = 0.1125, Comparison = Comparison.Lte,
                Threshold = 0.08, Verdict = Verdict.Fail, N = 800, Interval = new Interval(0.0919, 0.137, 0.95),
                Method = "wilson", Description = "Share of answers with claims not supported by the retrieved context",
                Reason = "0.1125 violates <= 0.08; 95% CI [0.0919, 0.137], n=800",
            },
            new CheckResult
            {
                Name = "regression", Metric = "quality", Observed = 0.892, Comparison = Comparison.Gte,
                Threshold = -0.02, Verdict = Verdict.Pass, BaselineValue = 0.88, Delta = 0.012, Compared = CheckValues.DeltaCompared, PValue = 0.031,
                Description = "Must not regress more than 2% vs current production",
                Reason = "0.012 >= -0.02",
            },
            new CheckResult
            {
                Name = HostileName, Metric = "evil|metric`*_[x](http://e)", Observed = 1234.5678, Comparison = Comparison.Lt,
                Threshold = 1500, Verdict = Verdict.Pass, Required = false, N = 12, Borderline = true,
                Interval = new Interval(1100, 1600, 0.9), Method = "student-t",
                Description = "pings @octocat & closes #12 <script>alert(1)</script>",
                Reason = "1234.57 < 1500\n::error::injected & <b>bold</b>; borderline: the interval straddles the threshold",
            },
        ],
        Warnings = ["2 result rows had no groundedness_score and were skipped"],
        Details = new Dictionary<string, JsonNode?> { ["eval-gate"] = new JsonObject { ["resultsFormat"] = "promptfoo", ["rows"] = 1000 } },
    };

    /// <summary>Only the required fields: no subject, no inputs, one check with no numbers.</summary>
    public static GateReport Minimal() => new()
    {
        Tool = new ToolInfo("drift-check", "0.1.0"),
        Verdict = Verdict.Pass,
        Summary = "",
        StartedAt = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(1)),
        DurationSeconds = 0,
        Checks = [new CheckResult { Name = "dataset", Verdict = Verdict.Pass, Reason = "no column drifted" }],
    };
}
