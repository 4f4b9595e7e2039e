using Gates.Cli.Inputs;
using Gates.Cli;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>The composition root of one eval-gate run: read, evaluate, publish, return the exit code.</summary>
internal static class EvalGateRun
{
    public static int Execute(EvalGateSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var started = env.Time.GetUtcNow();
        var clock = env.Time.GetTimestamp();
        if (settings.Results.Count == 0)
        {
            throw new GateInputException("--results is required (or set GATES_RESULTS): the evaluation results to gate");
        }

        var thresholds = ThresholdFiles.Read(settings.Common.RequireThresholds());
        var wanted = WantedMetrics.For(thresholds);
        var pairing = settings.Baseline.Count > 0;
        var current = settings.Results.Select(p => Read(p, settings, wanted, pairing, ct)).ToList();
        var baseline = settings.Baseline.Select(p => Read(p, settings, wanted, pairing, ct)).ToList();

        var outcome = new EvalGate(settings.Common.Thresholds!, settings.Seed, settings.Resamples).Evaluate(thresholds, current, baseline);
        var report = new GateReport
        {
            Tool = ToolInfoReader.For(EvalGateCommand.Name, typeof(EvalGateRun).Assembly),
            Subject = ToolInfoReader.SubjectFor(settings.Common, env),
            Verdict = outcome.Checks.Select(c => c.Verdict).Worst(),
            Summary = ReportSummary.For(outcome.Checks),
            StartedAt = started,
            DurationSeconds = env.Time.GetElapsedTime(clock).TotalSeconds,
            Inputs = [.. current.Select(r => new InputFile("results", r.Path, r.Sha256)), .. baseline.Select(r => new InputFile("baseline", r.Path, r.Sha256))],
            Thresholds = new InputFile("thresholds", thresholds.Path, thresholds.Sha256),
            Checks = outcome.Checks,
            Warnings = outcome.Warnings,
            Details = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["eval-gate"] = outcome.Details },
        };

        foreach (var warning in outcome.Warnings)
        {
            env.Error.WriteLine($"eval-gate: warning: {warning}");
        }

        return ReportOutputs.Publish(report, settings.Common, env);
    }

    private static IEvalResults Read(string path, EvalGateSettings settings, IReadOnlySet<string> wanted, bool keepItems, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return EvalResultsReader.Read(path, settings.Format, new ReadOptions { IdField = settings.IdField, KeepItems = keepItems, Metrics = wanted });
    }
}
