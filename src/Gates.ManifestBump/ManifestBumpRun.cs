using Gates.Cli;
using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Core.Results;
using Gates.GitHub;
using Gates.GitLab;
using Gates.Http;
using Gates.ManifestBump.Planning;
using Gates.ManifestBump.Promotion;
using Gates.ManifestBump.Registry;
using Gates.MLflow;

namespace Gates.ManifestBump;

/// <summary>One manifest-bump run: resolve, edit or promote; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class ManifestBumpRun
{
    private const int StepSummaryDiffLimit = 200_000;

    /// <summary>GitHub and GitLab calls: Gates.Http's bounded retries, 100 s per attempt (HttpClient's usual limit).</summary>
    private static readonly RetryPolicy HostRetry = new() { AttemptTimeout = TimeSpan.FromSeconds(100) };

    public static async Task<int> ExecuteAsync(ManifestBumpSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(ManifestBumpCommand.Name, typeof(ManifestBumpRun).Assembly, settings.Common, env);
        var config = CliConfig.Build(settings);
        if (config.MlflowAlias is not null && settings.KubeflowModel is not null)
        {
            throw new GateInputException("give --mlflow-alias or --kubeflow-model, not both");
        }

        var registry = config.MlflowAlias is { } alias ? await ResolveAsync(alias, settings, run, ct)
            : settings.KubeflowModel is { } kubeflow ? await KubeflowResolution.ResolveAsync(kubeflow, settings.KubeflowRegistryUrl, run, ct) : null;
        var evidence = settings.Evidence.Select(Evidence.Read).ToList();
        var inputs = InputsBuilder.Build(config, registry, evidence);

        string outcome;
        BumpResult result;
        ChangeRequest? pr = null;
        string? branch = null;
        var attempts = 1;
        if (settings.Mode == BumpMode.Local)
        {
            result = LocalPromotion.Run(inputs, settings.RepoRoot, settings.DryRun, settings.Commit, ct);
            outcome = settings.DryRun ? "dry-run" : result.AnyChanged ? "changed" : "nothing-to-promote";
        }
        else
        {
            using var http = HttpServices.Default.Client(HostRetry, env.Time);
            var host = CreateHost(settings, env, http);
            var remote = await new RemotePromotion(host, inputs.PullRequest.Base ?? "main", settings.MaxAttempts)
                .RunAsync(inputs, inputs.BranchName(), settings.DryRun, ct);
            (result, pr, branch, attempts) = (remote.Bump, remote.ChangeRequest, remote.Branch, remote.Attempts);
            outcome = remote.Outcome switch
            {
                RemoteOutcome.Updated => "changed",
                RemoteOutcome.Unchanged => "unchanged",
                RemoteOutcome.NothingToPromote => "nothing-to-promote",
                RemoteOutcome.DryRun => "dry-run",
                _ => "conflict",
            };
        }

        var conflict = outcome == "conflict";
        var checks = BumpReport.Checks(result);
        var report = run
            .SubjectFound(inputs.Model, inputs.Version)
            .AddInputs(evidence.Select(e => new InputFile("evidence", e.Path, e.Sha256)))
            .AddChecks(checks)
            .AddWarnings(result.Changes.Where(c => c.Note is not null).Select(c => $"{c.File}: {c.Target}: {c.Note}"))
            .SetSection(BumpReport.Details(outcome, inputs, result, pr, branch, attempts))
            .Finish(BumpReport.Summary(outcome, result, pr), conflict ? Verdict.Fail : checks.Select(c => c.Verdict).Worst());

        var diff = result.Diff();
        if (diff.Length > 0 && settings.Common.Format is "text" or "markdown" && settings.Common.Output is null)
        {
            await env.Out.WriteAsync(diff);
            await env.Out.WriteLineAsync();
        }

        run.Say(report.Summary);
        var exit = await run.PublishAsync(report, ct, new PublishOptions { Html = Html.BumpHtml.Renderer() }, RunOutcome.Of(report) with { Conflict = conflict });
        AppendDiffToStepSummary(diff, settings, env);
        return exit;
    }

    private static async Task<MlflowModelVersion> ResolveAsync(string alias, ManifestBumpSettings settings, GateRun run, CancellationToken ct)
    {
        var env = run.Env;
        var (name, aliasName) = MlflowClient.ParseAlias(alias);
        var uri = settings.MlflowTrackingUri ?? throw new GateInputException("--mlflow-alias needs --mlflow-tracking-uri or MLFLOW_TRACKING_URI");
        if (!Uri.TryCreate(uri.EndsWith('/') ? uri : uri + "/", UriKind.Absolute, out var tracking))
        {
            throw new GateInputException($"--mlflow-tracking-uri '{uri}' is not an absolute URL");
        }

        using var http = HttpServices.Default.Client(MlflowClient.Retry, env.Time);
        MlflowClient.Authorize(http, env.Get("MLFLOW_TRACKING_TOKEN"), env.Get("MLFLOW_TRACKING_USERNAME"), env.Get("MLFLOW_TRACKING_PASSWORD"));
        var version = await new MlflowClient(http, tracking).ResolveAsync(name, aliasName, ct);
        run.Say($"MLflow {name}@{aliasName} is version {version.Version}{(version.Source is null ? "" : $" ({version.Source})")}");
        return version;
    }

    private static IPromotionHost CreateHost(ManifestBumpSettings settings, GateEnvironment env, HttpClient http)
    {
        if (settings.Mode == BumpMode.GitHub)
        {
            var token = ApiTokens.GitHub(env.Get)?.Value ?? throw new GateInputException($"--github needs a token in {ApiTokens.Describe(ApiTokens.GitHubVariables)}");
            var api = env.Get("GITHUB_API_URL") is { } url ? new Uri(url) : null;
            var (owner, name) = GitHubRepository.ParseFullName(settings.Repository!);
            var client = GitHubConnection.Create(token, api, $"gates-{ManifestBumpCommand.Name}", () => HttpServices.Default.RetryingHandler(HostRetry, env.Time));
            return new GitHubPromotionHost(new GitHubRepository(client, owner, name));
        }

        var glToken = ApiTokens.GitLab(env.Get)?.Value ?? throw new GateInputException(
            $"--gitlab needs a token in {ApiTokens.Describe(ApiTokens.GitLabVariables)} (a project or personal access token with api scope)");
        var glApi = new Uri(env.Get("GITLAB_API_URL") ?? env.Get("CI_API_V4_URL") ?? "https://gitlab.com/api/v4/");
        return new GitLabPromotionHost(new GitLabProject(http, glApi, settings.Repository!, glToken));
    }

    /// <summary>On GitHub, the step summary also shows the diff (the Markdown report lists the changed values).</summary>
    private static void AppendDiffToStepSummary(string diff, ManifestBumpSettings settings, GateEnvironment env)
    {
        if (diff.Length == 0 || HostDetector.Detect(env.Variables, settings.Common.Ci) != HostKind.GitHub)
        {
            return;
        }

        var shown = diff.Length > StepSummaryDiffLimit ? diff[..StepSummaryDiffLimit] + "\n… (diff cut; the full diff is in the JSON report)\n" : diff;
        var fence = shown.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
        new GitHubRunnerFiles(env.Variables).AppendSummary(
            $"\n<details><summary>{ManifestBumpCommand.Name} diff</summary>\n\n{fence}diff\n{shown}{fence}\n\n</details>\n\n");
    }
}
