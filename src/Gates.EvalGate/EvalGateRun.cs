using Gates.Cli.Inputs;
using Gates.Cli;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>One eval-gate run: read the results, evaluate the gates; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class EvalGateRun
{
    public static Task<int> ExecuteAsync(EvalGateSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(EvalGateCommand.Name, typeof(EvalGateRun).Assembly, settings.Common, env);
        if (settings.Results.Count == 0)
        {
            throw new GateInputException("--results is required (or set GATES_RESULTS): the evaluation results to gate");
        }

        var thresholds = ThresholdFiles.Read(settings.Common.RequireThresholds(), new ThresholdReadOptions { GateKeys = new HashSet<string> { PerItemGate.Key } });
        var wanted = WantedMetrics.For(thresholds);
        var paired = settings.Baseline.Count > 0 ? WantedMetrics.Paired(thresholds) : null;
        var current = settings.Results.Select(p => Read(p, settings, wanted, paired, ct)).ToList();
        var sharedIds = current.OfType<ComputedResults>().Select(r => r.Ids).FirstOrDefault(ids => ids is not null);
        var baseline = settings.Baseline.Select(p => Read(p, settings, wanted, paired, ct, sharedIds)).ToList();

        var outcome = new EvalGate(settings.Common.Thresholds!, settings.Seed, settings.Resamples).Evaluate(thresholds, current, baseline);
        var report = run
            .AddInputs(current.Select(r => new InputFile("results", r.Path, r.Sha256)))
            .AddInputs(baseline.Select(r => new InputFile("baseline", r.Path, r.Sha256)))
            .UseThresholds(new InputFile("thresholds", thresholds.Path, thresholds.Sha256))
            .AddChecks(outcome.Checks)
            .AddWarnings(outcome.Warnings)
            .SetSection(outcome.Details)
            .Finish();
        return run.PublishAsync(report, ct, new PublishOptions { Html = Report.EvalHtml.Renderer() });
    }

    /// <param name="paired">With a baseline, the metrics compared item by item (their per-item values are kept); else null.</param>
    /// <param name="sharedIds">For a baseline: the ids of the current results it is paired with, stored once for both.</param>
    private static IEvalResults Read(string path, EvalGateSettings settings, IReadOnlySet<string> wanted, IReadOnlySet<string>? paired, CancellationToken ct,
        Results.Jsonl.IdTable? sharedIds = null)
    {
        ct.ThrowIfCancellationRequested();
        return EvalResultsReader.Read(path, settings.Format,
            new ReadOptions { IdField = settings.IdField, KeepItems = paired is not null, Metrics = wanted, PairedMetrics = paired, SharedIds = sharedIds });
    }
}
