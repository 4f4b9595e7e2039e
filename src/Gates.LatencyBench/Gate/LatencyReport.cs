using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Import;

namespace Gates.LatencyBench.Gate;

/// <summary>Gates a results file (and optional baseline) and publishes the report; returns the exit code.</summary>
internal static class LatencyReport
{
    public static int GateAndPublish(LatencyResults current, LatencyResults? baseline, string? thresholdsPath, CommonSettings common,
        GateEnvironment env, DateTimeOffset started, long clock, JsonObject? runDetails)
    {
        var thresholds = thresholdsPath is null ? null : ThresholdFileReader.ReadFile(thresholdsPath);
        var outcome = thresholds is null
            ? ValidityOnly(current)
            : LatencyGate.Evaluate(thresholds, current, baseline);
        var details = outcome.Details;
        if (runDetails is not null)
        {
            details["run"] = runDetails;
        }

        var inputs = new List<InputFile>();
        if (runDetails is null)
        {
            inputs.Add(new InputFile("results", current.Path, current.Sha256));
        }

        if (baseline is not null)
        {
            inputs.Add(new InputFile("baseline", baseline.Path, baseline.Sha256));
        }

        var report = new GateReport
        {
            Tool = ToolInfoReader.For("latency-bench", typeof(LatencyReport).Assembly),
            Subject = ToolInfoReader.SubjectFor(common, env),
            Verdict = outcome.Checks.Select(c => c.Verdict).Worst(),
            Summary = ReportSummary.For(outcome.Checks),
            StartedAt = started,
            DurationSeconds = env.Time.GetElapsedTime(clock).TotalSeconds,
            Inputs = inputs,
            Thresholds = thresholds is null ? null : new InputFile("thresholds", thresholds.Path, thresholds.Sha256),
            Checks = outcome.Checks,
            Warnings = outcome.Warnings,
            Details = new Dictionary<string, JsonNode?> { ["latency-bench"] = details },
        };
        foreach (var warning in outcome.Warnings)
        {
            env.Error.WriteLine($"latency-bench: warning: {warning}");
        }

        return ReportOutputs.Publish(report, common, env);
    }

    private static GateOutcome ValidityOnly(LatencyResults current)
    {
        var checks = current.InvalidReasons.Count == 0
            ? new List<CheckResult>()
            : [new CheckResult { Name = "run validity", Verdict = Verdict.Inconclusive, Reason = "the run is not valid: " + string.Join("; ", current.InvalidReasons) }];
        return new GateOutcome(checks, [.. current.Warnings], new JsonObject { ["results"] = current.Path });
    }
}
