using Gates.Core.Text;
using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.CanaryValidate.Metrics;
using Gates.CanaryValidate.Report;
using Gates.CanaryValidate.Target;
using Gates.Cli;
using Gates.Core;
using Gates.Core.Results;
using Gates.Kubernetes;
using Gates.Prometheus;

namespace Gates.CanaryValidate;

/// <summary>One canary-validate run: resolve the target, analyse, act; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class CanaryValidateRun
{
    public static async Task<int> ExecuteAsync(CanaryValidateSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(CanaryValidateCommand.Name, typeof(CanaryValidateRun).Assembly, settings.Common, env);
        var ns = settings.Namespace ?? "default";
        var probe = Probe(settings, ns);
        if (settings.Act && probe is not null && settings.DryRun != DryRunMode.Client)
        {
            run.Say($"--act: writes go to namespace {ns} as {probe.Cluster.Identity}" +
                (settings.DryRun == DryRunMode.Server ? " (server dry run: validated, nothing stored)" : ""));
        }

        var target = probe is null ? null : await ReadTargetAsync(probe, ct);
        var defaultTemplate = target is { Kind: "InferenceService", Mode: "Serverless" } ? "knative" : "http";
        var config = CanaryConfigReader.Read(settings.Config, settings.Overrides, defaultTemplate);
        var url = config.Prometheus.Url ?? throw new GateInputException("--prometheus-url is required (or prometheus.url in the config, or GATES_PROMETHEUS_URL)");
        var targets = new QueryTargets(
            settings.Canary ?? target?.CanaryName ?? throw new GateInputException("give --deployment, --inference-service, or --canary-name and --baseline-name"),
            settings.Baseline ?? target?.BaselineName ?? throw new GateInputException("--baseline-name is required with --canary-name"),
            ns);
        var plan = config.Plan with { ExpectedShare = config.Plan.ExpectedShare ?? target?.ConfiguredCanaryShare };
        config = config with { Plan = plan };
        run.Say($"canary {targets.Canary} vs baseline {targets.Baseline} in {ns}, " +
            $"{plan.Gates.Count} gates, up to {DurationText.Format(plan.Duration)} every {DurationText.Format(plan.Interval)}");

        var client = new PrometheusClient(new PrometheusOptions
        {
            BaseUrl = url,
            BearerToken = settings.PrometheusToken,
            BasicUser = settings.PrometheusUser,
            BasicPassword = settings.PrometheusPassword,
            Timeout = config.Prometheus.Timeout,
            Retries = config.Prometheus.Retries,
        }, env.Time);
        var reader = new PrometheusMetricReader(client, config, targets);
        var analysis = new CanaryAnalysis(plan, reader, probe, env.Time, run.Say);
        var outcome = await analysis.RunAsync(run.StartedAt, ct);

        var actions = new List<ActionRecord>();
        if (settings.Act && probe is not null && (outcome.Target ?? target) is { } current)
        {
            var action = await DecisionActor.ActAsync(outcome.Decision, current, probe.Cluster, settings.DryRun, env.Error, CancellationToken.None);
            actions.Add(action with { Identity = probe.Cluster.Identity });
        }

        var failedActions = actions.Where(a => a.Result.StartsWith("failed", StringComparison.Ordinal)).ToList();
        var checks = CanaryChecks.For(plan, outcome);
        var report = run
            .AddInputs(config.File is { } file ? [file] : [])
            .AddChecks(checks)
            .AddWarnings([.. outcome.Warnings, .. failedActions.Select(a => $"{a.Action}: {a.Result}")])
            .SetSection(CanaryDetails.For(config, outcome, actions))
            .Finish(
                summary: $"{outcome.Decision.ToString().ToLowerInvariant()}: {outcome.Reason}",
                verdict: outcome.Decision switch
                {
                    CanaryDecision.Rollback => Verdict.Fail,
                    CanaryDecision.Inconclusive => Verdict.Inconclusive,
                    _ => checks.Select(c => c.Verdict).Worst() == Verdict.Warn ? Verdict.Warn : Verdict.Pass,
                });
        var timelines = GateTimeline.From(plan, outcome);
        var options = new PublishOptions
        {
            Markdown = withDetails => new Gates.Core.Reporting.MarkdownRenderer(withDetails, CanaryMermaid.Charts(timelines)),
            Html = CanaryHtml.Renderer(timelines, outcome.Looks),
        };
        return await run.PublishAsync(report, ct, options, RunOutcome.Of(report) with { ActionFailed = failedActions.Count > 0 });
    }

    private static KubernetesProbe? Probe(CanaryValidateSettings settings, string ns)
    {
        if (settings.Deployment is not null && settings.InferenceService is not null)
        {
            throw new GateInputException("give either --deployment or --inference-service, not both");
        }

        if (settings.Deployment is null && settings.InferenceService is null)
        {
            if (settings.Act)
            {
                throw new GateInputException("--act needs a Kubernetes target: --deployment or --inference-service");
            }

            return null;
        }

        if (settings.Deployment is not null)
        {
            _ = KubernetesProbe.StableName(settings);
        }

        if (settings.Act && string.IsNullOrWhiteSpace(settings.Namespace))
        {
            throw new GateInputException("--act needs an explicit --namespace (or GATES_NAMESPACE): the tool refuses to write to whatever namespace " +
                "a kubeconfig or service account happens to default to");
        }

        return new KubernetesProbe(KubernetesCluster.Connect(settings.Kubeconfig, settings.Context), settings, ns);
    }

    private static async Task<TargetStatus> ReadTargetAsync(KubernetesProbe probe, CancellationToken ct)
    {
        try
        {
            return await probe.ReadAsync(ct);
        }
        catch (TargetUnavailableException e)
        {
            throw new GateRuntimeException(e.Message, e);
        }
    }
}
