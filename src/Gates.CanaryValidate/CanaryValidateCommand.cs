using System.CommandLine;
using Gates.CanaryValidate.Analysis;
using Gates.CanaryValidate.Config;
using Gates.CanaryValidate.Target;
using Gates.Cli;
using Gates.Core;

namespace Gates.CanaryValidate;

/// <summary>Declares canary-validate's options and binds them; the work is done by <see cref="CanaryValidateRun"/>.</summary>
internal static class CanaryValidateCommand
{
    public const string Name = "canary-validate";

    public static RootCommand Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        Option<string?> Text(string flag, string description, params string[] aliases) => EnvOption.Text(env, flag, description, aliases);
        var deployment = Text("--deployment", "Canary Deployment to watch (its stable twin: --stable-deployment, or the name without -canary)");
        var stable = Text("--stable-deployment", "The stable Deployment the canary is compared with");
        var isvc = Text("--inference-service", "KServe InferenceService whose canary (from its status) is watched");
        var ns = Text("--namespace", "Namespace of the target and {{namespace}} in queries", "-n");
        var kubeconfig = Text("--kubeconfig", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)");
        var context = Text("--context", "kubeconfig context");
        var canary = Text("--canary-name", "The canary's name in metric labels; without a Kubernetes target, give --canary-name and --baseline-name");
        var baseline = Text("--baseline-name", "The baseline's name in metric labels");
        var config = Text("--config", "Canary YAML: gates: plus analysis: and prometheus: sections (also accepted as --thresholds)", "-c");
        var url = Text("--prometheus-url", "Prometheus base URL (http://prometheus:9090)");
        var token = SecretFlags.Refused("--prometheus-token", PrometheusSecrets.TokenVariable);
        var user = Text("--prometheus-user", $"Basic-auth user for Prometheus (the password only from {PrometheusSecrets.PasswordVariable}; a bearer token only from {PrometheusSecrets.TokenVariable})");
        var password = SecretFlags.Refused("--prometheus-password", PrometheusSecrets.PasswordVariable);
        var timeout = Text("--prometheus-timeout", "Timeout of one Prometheus query (default 30s)");
        var retries = Text("--prometheus-retries", "Retries of a failing query before the data counts as unavailable (default 3)");
        var duration = Text("--duration", "Maximum length of the analysis: 900, 900s, 15m (default 15m)");
        var interval = Text("--interval", "Time between looks (default 1m)");
        var warmup = Text("--warmup", "Time before data counts (default 0)");
        var alpha = Text("--alpha", "Chance of a wrong decision over the whole analysis, split over the gates (default 0.05)");
        var minSamples = Text("--min-samples", "Samples per side before a gate may decide (default 100)");
        var onNoData = Text("--on-no-data", "A gate with no series at the end: inconclusive | fail | error (default inconclusive)");
        var percent = Text("--canary-percent", "Configured canary share of traffic in per cent (default: read from the InferenceService)");
        var template = Text("--template", "Built-in queries: knative (kserve) | vllm | http (default knative for --inference-service, else http)");
        var quality = Text("--quality-threshold", "Shorthand for a gate quality_score >= X (online quality in [0,1])");
        var errors = Text("--error-rate-threshold", "Shorthand for a gate error_rate <= Y");
        var act = EnvOption.Flag(env, "--act", "Apply the decision: roll back or promote the canary (off by default)");
        var dryRun = new Option<string?>("--dry-run")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "With --act: bare or =client prints the patch and sends nothing; =server sends it with dryRun=All so the API server " +
                "validates it and answers with the result, storing nothing [env: GATES_DRY_RUN]",
        };

        var root = new RootCommand($"{Name}: watch a canary against its baseline and decide promote (0), rollback (1) or inconclusive (4).")
        {
            deployment, stable, isvc, ns, kubeconfig, context, canary, baseline, config, url, token, user, password, timeout, retries,
            duration, interval, warmup, alpha, minSamples, onNoData, percent, template, quality, errors, act, dryRun,
        };
        common.AddTo(root);
        var abTest = new AbTest.AbTestOptions(env);
        abTest.AddTo(root);
        root.SetAction(async (parse, ct) =>
        {
            SecretFlags.Reject(parse, token, PrometheusSecrets.TokenVariable);
            SecretFlags.Reject(parse, password, PrometheusSecrets.PasswordVariable);
            var commonSettings = common.Bind(parse, env);
            var configPath = FlagValues.Path(parse.GetValue(config), env) ?? commonSettings.Thresholds;
            var settings = new CanaryValidateSettings
            {
                Common = commonSettings,
                Config = configPath,
                Overrides = new CanaryOverrides
                {
                    Duration = FlagValues.Duration(parse.GetValue(duration), "--duration"),
                    Interval = FlagValues.Duration(parse.GetValue(interval), "--interval"),
                    Warmup = FlagValues.Duration(parse.GetValue(warmup), "--warmup"),
                    Alpha = FlagValues.Number(parse.GetValue(alpha), "--alpha", 1e-6, 0.5),
                    MinSamples = FlagValues.Long(parse.GetValue(minSamples), "--min-samples", 1, 1_000_000_000_000),
                    OnNoData = parse.GetValue(onNoData) is { } policy ? EnvOption.ParseWord(policy, "--on-no-data", NoDataPolicy.Inconclusive) : null,
                    CanaryPercent = FlagValues.Number(parse.GetValue(percent), "--canary-percent", 0, 100),
                    Template = parse.GetValue(template),
                    QualityThreshold = FlagValues.Number(parse.GetValue(quality), "--quality-threshold", 0, 1),
                    ErrorRateThreshold = FlagValues.Number(parse.GetValue(errors), "--error-rate-threshold", 0, 1),
                    PrometheusUrl = FlagValues.Url(parse.GetValue(url), "--prometheus-url"),
                    PrometheusTimeout = FlagValues.Duration(parse.GetValue(timeout), "--prometheus-timeout"),
                    PrometheusRetries = FlagValues.Int(parse.GetValue(retries), "--prometheus-retries", 0, 100),
                },
                Deployment = parse.GetValue(deployment),
                StableDeployment = parse.GetValue(stable),
                InferenceService = parse.GetValue(isvc),
                Namespace = parse.GetValue(ns),
                Kubeconfig = FlagValues.Path(parse.GetValue(kubeconfig), env),
                Context = parse.GetValue(context),
                Canary = parse.GetValue(canary),
                Baseline = parse.GetValue(baseline),
                PrometheusToken = env.Get(PrometheusSecrets.TokenVariable),
                PrometheusUser = parse.GetValue(user),
                PrometheusPassword = env.Get(PrometheusSecrets.PasswordVariable),
                Act = parse.GetValue(act),
                DryRun = parse.GetResult(dryRun) is { Implicit: false }
                    ? DryRunModes.Parse(true, parse.GetValue(dryRun))
                    : DryRunModes.Parse(false, env.Get(EnvOption.VariableFor("--dry-run"))),
            };
            return AbTest.AbTestOptions.Applies(settings.Config)
                ? await AbTest.AbTestRun.ExecuteAsync(settings, abTest.Bind(parse, settings), env, ct)
                : await CanaryValidateRun.ExecuteAsync(settings, env, ct);
        });
        return root;
    }
}
