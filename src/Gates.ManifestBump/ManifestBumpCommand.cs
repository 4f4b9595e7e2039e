using System.CommandLine;
using Gates.Cli;
using Gates.Core;

namespace Gates.ManifestBump;

/// <summary>Declares manifest-bump's options and binds them; the work is done by <see cref="ManifestBumpRun"/>.</summary>
internal static class ManifestBumpCommand
{
    public const string Name = "manifest-bump";

    public static RootCommand Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var file = EnvOption.Text(env, "--file", "Manifest to edit (a path in the repository)", "-f");
        var select = EnvOption.Text(env, "--select", "Object to edit: kind=K,name=N[,namespace=NS][,apiVersion=V]");
        var set = EnvOption.List(env, "--set", "PATH=VALUE, e.g. spec.predictor.model.storageUri=s3://m/v13 or containers[name=model].image=r/m:13");
        var field = EnvOption.List(env, "--field", "Model-serving field NAME=VALUE: storageUri, runtimeVersion, image, canaryTrafficPercent, args, model.uri");
        var containerImage = EnvOption.List(env, "--container-image", "CONTAINER=IMAGE: the image of the container with that name");
        var kustomizeImage = EnvOption.List(env, "--kustomize-image", "name=IMAGE,newTag=T[,newName=N][,digest=D]: an entry of a kustomization's images");
        var config = EnvOption.Text(env, "--config", "Config file listing several targets with {{version}} templating", "-c");
        var version = EnvOption.Text(env, "--model-version", "Version to pin (fills {{version}})");
        var model = EnvOption.Text(env, "--model", "Model name (fills {{model}}, names the branch promote/<model>/<environment>)");
        var mlflowAlias = EnvOption.Text(env, "--mlflow-alias", "Resolve the version from an MLflow alias, NAME@ALIAS (fills {{version}} and {{source}})");
        var mlflowUri = EnvOption.Text(env, "--mlflow-tracking-uri", "MLflow server (default: MLFLOW_TRACKING_URI)");
        var kubeflowModel = EnvOption.Text(env, "--kubeflow-model", "Resolve from Kubeflow Model Registry, NAME@VERSION (fills {{version}} and {{source}}, the model artifact URI)");
        var kubeflowUrl = EnvOption.Text(env, "--kubeflow-registry-url", "Kubeflow Model Registry REST server (default: KUBEFLOW_MODEL_REGISTRY_URL)");
        var evidence = EnvOption.List(env, "--evidence", "Gate report (JSON) whose verdict and sha256 go into the commit and the pull request");
        var dryRun = EnvOption.Flag(env, "--dry-run", "Print the unified diff; write nothing");
        var commit = EnvOption.Flag(env, "--commit", "Local mode: commit the edited files with git, with trailers");
        var repoRoot = EnvOption.Text(env, "--repo-root", "Local mode: folder the manifest paths are relative to (default: current folder)");
        var github = EnvOption.Text(env, "--github", "Open or update a pull request on GitHub repository OWNER/REPO (token: GITHUB_TOKEN)");
        var gitlab = EnvOption.Text(env, "--gitlab", "Open or update a merge request on GitLab project GROUP/PROJECT (token: GITLAB_TOKEN)");
        var baseBranch = EnvOption.Text(env, "--base", "Branch the pull request targets (default main)");
        var branch = EnvOption.Text(env, "--branch", "Pull-request branch (default promote/{{model}}/{{environment}})");
        var label = EnvOption.List(env, "--label", "Label for the pull request");
        var attempts = EnvOption.Text(env, "--max-attempts", "Re-applies on a moved branch before exit 5 (conflict), default 5");

        Option[] own = [file, select, set, field, containerImage, kustomizeImage, config, version, model, mlflowAlias, mlflowUri, kubeflowModel, kubeflowUrl, evidence, dryRun, commit, repoRoot, github, gitlab, baseBranch, branch, label, attempts];
        var root = new RootCommand($"{Name}: pin a promoted model version into GitOps manifests with surgical edits and one pull request.");
        foreach (var option in own)
        {
            root.Options.Add(option);
        }

        common.AddTo(root);
        root.Subcommands.Add(PromoteAliasCommand.Create(env));
        root.SetAction(async (parse, ct) =>
        {
            var (gh, gl) = (parse.GetValue(github), parse.GetValue(gitlab));
            if (gh is not null && gl is not null)
            {
                throw new GateInputException("give --github or --gitlab, not both");
            }

            var commonSettings = common.Bind(parse, env);
            var settings = new ManifestBumpSettings
            {
                Common = commonSettings,
                File = parse.GetValue(file),
                Select = parse.GetValue(select),
                Set = parse.GetValue(set) ?? [],
                Fields = parse.GetValue(field) ?? [],
                ContainerImages = parse.GetValue(containerImage) ?? [],
                KustomizeImages = parse.GetValue(kustomizeImage) ?? [],
                Config = FlagValues.Path(parse.GetValue(config), env),
                Version = parse.GetValue(version),
                Model = parse.GetValue(model),
                Environment = commonSettings.Environment,
                MlflowAlias = parse.GetValue(mlflowAlias),
                MlflowTrackingUri = parse.GetValue(mlflowUri) ?? env.Get("MLFLOW_TRACKING_URI"),
                KubeflowModel = parse.GetValue(kubeflowModel),
                KubeflowRegistryUrl = parse.GetValue(kubeflowUrl) ?? env.Get("KUBEFLOW_MODEL_REGISTRY_URL"),
                Evidence = [.. (parse.GetValue(evidence) ?? []).Select(env.Resolve)],
                DryRun = parse.GetValue(dryRun),
                Commit = parse.GetValue(commit),
                RepoRoot = env.Resolve(parse.GetValue(repoRoot) ?? "."),
                Mode = gh is not null ? BumpMode.GitHub : gl is not null ? BumpMode.GitLab : BumpMode.Local,
                Repository = gh ?? gl,
                Base = parse.GetValue(baseBranch),
                Branch = parse.GetValue(branch),
                Labels = parse.GetValue(label) ?? [],
                MaxAttempts = FlagValues.Int(parse.GetValue(attempts), "--max-attempts", 1, 50) ?? 5,
            };
            return await ManifestBumpRun.ExecuteAsync(settings, env, ct);
        });
        return root;
    }
}
