using Gates.CanaryValidate.Analysis;
using Gates.Cli;
using Gates.Core;
using Gates.Prometheus;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// One scheduled run of an A/B test: read the ABTest file, recompute every look since the start from Prometheus (or
/// analyse a logged-outcomes or shadow file), decide, report. Keeps no state between runs.
/// </summary>
internal static class AbTestRun
{
    public static async Task<int> ExecuteAsync(CanaryValidateSettings settings, AbFlags flags, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(CanaryValidateCommand.Name, typeof(AbTestRun).Assembly, settings.Common, env);
        var test = AbTestReader.Read(settings.Config!, flags);
        if (flags.Outcomes is not null && flags.Shadow is not null)
        {
            throw new GateInputException("give either --outcomes or --shadow, not both");
        }

        var (schedule, outcome, inputs) = flags.Shadow is { } shadow ? ShadowRun.Analyze(test, shadow)
            : flags.Outcomes is { } outcomes ? OutcomesRun.Analyze(test, outcomes)
            : await FromPrometheusAsync(test, settings, env, run, ct);
        foreach (var look in outcome.Looks)
        {
            run.Say(AbProgress.Line(look, outcome.TotalLooks));
        }

        var checks = AbChecks.For(test, outcome);
        var report = run
            .AddInputs([.. (test.File is { } file ? [file] : Array.Empty<Gates.Core.Results.InputFile>()), .. inputs])
            .SubjectFound(test.Treatment.Label, null)
            .AddChecks(checks)
            .AddWarnings(outcome.Warnings)
            .SetSection(AbDetails.For(test, schedule, outcome))
            .Finish(summary: $"{outcome.Decision.ToString().ToLowerInvariant()}: {outcome.Reason}", verdict: AbChecks.Overall(outcome, checks));
        return await run.PublishAsync(report, ct, outcome: RunOutcome.Of(report));
    }

    private static async Task<(AbSchedule, AbOutcome, IReadOnlyList<Gates.Core.Results.InputFile>)> FromPrometheusAsync(
        AbTestDefinition test, CanaryValidateSettings settings, GateEnvironment env, GateRun run, CancellationToken ct)
    {
        var url = settings.Overrides.PrometheusUrl ?? test.PrometheusUrl
            ?? throw new GateInputException("--prometheus-url is required (or prometheus.url in the ABTest file, or GATES_PROMETHEUS_URL)");
        var start = test.StartedAt
            ?? throw new GateInputException($"the experiment's start is unknown: give --started-at, the annotation {AbTestReader.StartedAtAnnotation}, or metadata.creationTimestamp");
        var now = env.Time.GetUtcNow();
        if (start > now)
        {
            throw new GateInputException($"the experiment starts in the future ({start:O}; now {now:O})");
        }

        var schedule = new AbSchedule(start, test.Duration, test.Settings.Interval);
        var looks = schedule.Done(now);
        run.Say($"experiment {test.Name}: {test.Treatment.Label} (treatment) vs {test.Control.Label} (control), look {looks.Count} of {schedule.Times.Count}, " +
            $"every {AbDuration.Format(schedule.Interval)} for {AbDuration.Format(schedule.Duration)}");
        var client = new PrometheusClient(new PrometheusOptions
        {
            BaseUrl = url,
            BearerToken = settings.PrometheusToken,
            BasicUser = settings.PrometheusUser,
            BasicPassword = settings.PrometheusPassword,
            Timeout = settings.Overrides.PrometheusTimeout ?? TimeSpan.FromSeconds(30),
            Retries = settings.Overrides.PrometheusRetries ?? 3,
        }, env.Time);
        var data = await new PrometheusAbSource(client).ReadAsync(test, looks, ct);
        return (schedule, new AbAnalyzer(test, schedule).Analyze(data, looks.Count), []);
    }
}
