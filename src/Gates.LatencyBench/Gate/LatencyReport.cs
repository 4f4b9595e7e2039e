using Gates.Cli.Inputs;
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
        var thresholds = thresholdsPath is null ? null : ThresholdFiles.Read(thresholdsPath);
        var outcome = thresholds is null
            ? ValidityOnly(current)
            : LatencyGate.Evaluate(thresholds, current, baseline);
        var details = outcome.Details;
        details["metrics"] = KeyMetrics(current);
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

    private static readonly string[] Shown =
    [
        "requests", "error_rate", "requests_per_second", "offered_requests_per_second", "sent_requests_per_second",
        "output_tokens_per_second", "goodput_rps", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "ttft_p50_ms",
        "ttft_p95_ms", "tpot_p95_ms", "itl_p95_ms", "service_latency_p99_ms", "schedule_lag_p99_ms",
    ];

    /// <summary>The headline numbers of the results, so the report shows them whatever the gates were.</summary>
    private static JsonObject KeyMetrics(LatencyResults results) =>
        new(Shown.Where(results.Metrics.ContainsKey).Select(name => KeyValuePair.Create(name, (JsonNode?)results.Metrics[name])));

    private static GateOutcome ValidityOnly(LatencyResults current)
    {
        var checks = current.InvalidReasons.Count == 0
            ? new List<CheckResult>()
            : [new CheckResult { Name = "run validity", Verdict = Verdict.Inconclusive, Reason = "the run is not valid: " + string.Join("; ", current.InvalidReasons) }];
        return new GateOutcome(checks, [.. current.Warnings], new JsonObject { ["results"] = current.Path });
    }
}
