using Gates.Cli.Inputs;
using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.Core.Reporting;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Report;

namespace Gates.LatencyBench.Gate;

/// <summary>Gates a results file (and optional baseline) within a <see cref="GateRun"/> and publishes the report; returns the exit code.</summary>
internal static class LatencyReport
{
    public static Task<int> GateAndPublishAsync(GateRun run, LatencyResults current, LatencyResults? baseline, JsonObject? runDetails, CancellationToken ct)
    {
        if (run.Common.Thresholds is null && !run.Common.WritesReportFiles && current.InvalidReasons.Count == 0)
        {
            // Nothing to gate and no report asked for: a valid run was only measured.
            return Task.FromResult(ExitCodes.For(new RunOutcome(Verdict.Pass), run.Common));
        }

        var thresholds = run.Common.Thresholds is { } path ? ThresholdFiles.Read(path) : null;
        var outcome = thresholds is null
            ? ValidityOnly(current)
            : LatencyGate.Evaluate(thresholds, current, baseline);
        var details = outcome.Details;
        details["metrics"] = KeyMetrics(current);
        var curves = PercentileCurves.From(current);
        details["charts"] = ChartData.ToJson(curves, current.Timeline);
        if (runDetails is not null)
        {
            details["run"] = runDetails;
        }
        else
        {
            run.AddInput(new InputFile("results", current.Path, current.Sha256));
        }

        if (baseline is not null)
        {
            run.AddInput(new InputFile("baseline", baseline.Path, baseline.Sha256));
        }

        var report = run
            .UseThresholds(thresholds is null ? null : new InputFile("thresholds", thresholds.Path, thresholds.Sha256))
            .AddChecks(outcome.Checks)
            .AddWarnings(outcome.Warnings)
            .SetSection(details)
            .Finish();
        return run.PublishAsync(report, ct, new PublishOptions
        {
            Markdown = withDetails => new MarkdownRenderer(withDetails, LatencyMermaid.Charts(curves, report.Checks)),
            Html = LatencyHtml.Renderer(curves, current.Timeline),
        });
    }

    private static readonly string[] Shown =
    [
        "requests", "error_rate", "requests_per_second", "offered_requests_per_second", "sent_requests_per_second",
        "output_tokens_per_second", "goodput_rps", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "ttft_p50_ms",
        "ttft_p95_ms", "tpot_p95_ms", "itl_p95_ms", "service_latency_p99_ms", "schedule_lag_p99_ms",
        "capacity", "server_ttft_p95_ms", "server_kv_cache_usage_max", "server_preemptions", "server_requests_waiting_max",
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
