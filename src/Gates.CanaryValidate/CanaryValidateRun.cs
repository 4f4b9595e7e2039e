using Gates.Core.Text;
using System.Text.Json.Nodes;
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

/// <summary>The composition root of one canary-validate run: resolve the target, analyse, act, publish.</summary>
internal static class CanaryValidateRun
{
    public static async Task<int> ExecuteAsync(CanaryValidateSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var started = env.Time.GetUtcNow();
        var clock = env.Time.GetTimestamp();
        var ns = settings.Namespace ?? "default";
        var probe = Probe(settings, ns);
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
        await env.Error.WriteLineAsync($"{CanaryValidateCommand.Name}: canary {targets.Canary} vs baseline {targets.Baseline} in {ns}, " +
            $"{plan.Gates.Count} gates, up to {DurationText.Format(plan.Duration)} every {DurationText.Format(plan.Interval)}");

        var client = new PrometheusClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new PrometheusOptions
        {
            BaseUrl = url,
            BearerToken = settings.PrometheusToken,
            BasicUser = settings.PrometheusUser,
            BasicPassword = settings.PrometheusPassword,
            Timeout = config.Prometheus.Timeout,
            Retries = config.Prometheus.Retries,
        }, env.Time);
        var reader = new PrometheusMetricReader(client, config, targets);
        var analysis = new CanaryAnalysis(plan, reader, probe, env.Time, line => env.Error.WriteLine($"{CanaryValidateCommand.Name}: {line}"));
        var outcome = await analysis.RunAsync(started, ct);

        var actions = new List<ActionRecord>();
        if (settings.Act && probe is not null && (outcome.Target ?? target) is { } current)
        {
            actions.Add(await DecisionActor.ActAsync(outcome.Decision, current, probe.Client, settings.DryRun, env.Error, CancellationToken.None));
        }

        var checks = CanaryChecks.For(plan, outcome);
        var report = new GateReport
        {
            Tool = ToolInfoReader.For(CanaryValidateCommand.Name, typeof(CanaryValidateRun).Assembly),
            Subject = ToolInfoReader.SubjectFor(settings.Common, env),
            Verdict = outcome.Decision switch
            {
                CanaryDecision.Rollback => Verdict.Fail,
                CanaryDecision.Inconclusive => Verdict.Inconclusive,
                _ => checks.Select(c => c.Verdict).Worst() == Verdict.Warn ? Verdict.Warn : Verdict.Pass,
            },
            Summary = $"{outcome.Decision.ToString().ToLowerInvariant()}: {outcome.Reason}",
            StartedAt = started,
            DurationSeconds = env.Time.GetElapsedTime(clock).TotalSeconds,
            Inputs = config.File is { } file ? [file] : [],
            Checks = checks,
            Warnings = [.. outcome.Warnings, .. actions.Where(a => a.Result.StartsWith("failed", StringComparison.Ordinal)).Select(a => $"{a.Action}: {a.Result}")],
            Details = new Dictionary<string, JsonNode?> { [CanaryValidateCommand.Name] = CanaryDetails.For(config, outcome, actions) },
        };

        foreach (var warning in report.Warnings)
        {
            await env.Error.WriteLineAsync($"{CanaryValidateCommand.Name}: warning: {warning}");
        }

        var exit = ReportOutputs.Publish(report, settings.Common, env);
        return actions.Any(a => a.Result.StartsWith("failed", StringComparison.Ordinal)) ? ExitCodes.RuntimeError : exit;
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

        return new KubernetesProbe(KubernetesConnection.Create(settings.Kubeconfig, settings.Context), settings, ns);
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
