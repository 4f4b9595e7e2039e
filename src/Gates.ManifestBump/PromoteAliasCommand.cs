using System.CommandLine;
using Gates.Cli;
using Gates.Core;

namespace Gates.ManifestBump;

/// <summary>
/// <c>manifest-bump promote-alias</c>: promotion by moving a registry alias instead of a pull request
/// (docs/manifest-bump.md). Declares and binds the options; the work is done by <see cref="PromoteAliasRun"/>.
/// </summary>
internal static class PromoteAliasCommand
{
    public const string Name = "promote-alias";

    public static Command Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var registry = EnvOption.Text(env, "--registry", "Model registry: mlflow | kubeflow (default mlflow)");
        var model = EnvOption.Text(env, "--model", "Registered model name");
        var alias = EnvOption.Text(env, "--alias", "Alias to move (default champion)");
        var to = EnvOption.Text(env, "--to", "Version to point the alias at: a version (MLflow number, Kubeflow version name) or another alias, e.g. candidate");
        var expect = EnvOption.Text(env, "--expect-current", "Refuse (exit 5) unless the alias still points at this version ('none': it must not exist yet)");
        var rollback = EnvOption.Text(env, "--rollback-from", "Undo the promotion recorded in this promote-alias report (JSON): point the alias back at its previous version");
        var evidence = EnvOption.List(env, "--evidence", "Gate report (JSON) whose sha256 is written as a lineage tag");
        var approvedBy = EnvOption.Text(env, "--approved-by", "Who approved the promotion (default: GATES_APPROVED_BY)");
        var gitCommit = EnvOption.Text(env, "--git-commit", "Commit recorded in the lineage (default: GITHUB_SHA or CI_COMMIT_SHA)");
        var runUrl = EnvOption.Text(env, "--run-url", "Pipeline run URL recorded in the lineage (default: the GitHub run or CI_PIPELINE_URL)");
        var dryRun = EnvOption.Flag(env, "--dry-run", "Read the registry and print what would change; write nothing");
        var attempts = EnvOption.Text(env, "--max-attempts", "Writes of an alias that does not read back yet before exit 5 (conflict), default 3");
        var mlflowUri = EnvOption.Text(env, "--mlflow-tracking-uri", "MLflow server (default: MLFLOW_TRACKING_URI)");
        var kubeflowUrl = EnvOption.Text(env, "--kubeflow-registry-url", "Kubeflow Model Registry REST server (default: KUBEFLOW_MODEL_REGISTRY_URL)");

        var command = new Command(Name, "Promote by moving a registry alias (MLflow, Kubeflow Model Registry) with a guard and lineage tags, or roll it back.");
        foreach (var option in new Option[] { registry, model, alias, to, expect, rollback, evidence, approvedBy, gitCommit, runUrl, dryRun, attempts, mlflowUri, kubeflowUrl })
        {
            command.Options.Add(option);
        }

        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var commonSettings = common.Bind(parse, env);
            var kind = parse.GetValue(registry) ?? "mlflow";
            if (kind is not ("mlflow" or "kubeflow"))
            {
                throw FlagValues.Invalid("--registry", kind, "mlflow or kubeflow");
            }

            var settings = new PromoteAliasSettings
            {
                Common = commonSettings,
                Registry = kind,
                Model = parse.GetValue(model),
                Alias = parse.GetValue(alias) ?? "champion",
                To = parse.GetValue(to),
                ExpectCurrent = parse.GetValue(expect),
                RollbackFrom = FlagValues.Path(parse.GetValue(rollback), env),
                Environment = commonSettings.Environment,
                Evidence = [.. (parse.GetValue(evidence) ?? []).Select(env.Resolve)],
                ApprovedBy = parse.GetValue(approvedBy) ?? env.Get("GATES_APPROVED_BY"),
                GitCommit = parse.GetValue(gitCommit),
                RunUrl = parse.GetValue(runUrl),
                DryRun = parse.GetValue(dryRun),
                MaxAttempts = FlagValues.Int(parse.GetValue(attempts), "--max-attempts", 1, 20) ?? 3,
                MlflowTrackingUri = parse.GetValue(mlflowUri) ?? env.Get("MLFLOW_TRACKING_URI"),
                KubeflowRegistryUrl = parse.GetValue(kubeflowUrl) ?? env.Get("KUBEFLOW_MODEL_REGISTRY_URL"),
            };
            Validate(settings);
            return await PromoteAliasRun.ExecuteAsync(settings, env, ct);
        });
        return command;
    }

    private static void Validate(PromoteAliasSettings s)
    {
        if (s.RollbackFrom is not null)
        {
            if (s.To is not null || s.Model is not null)
            {
                throw new GateInputException("--rollback-from takes the model, alias and versions from the report; leave out --model and --to");
            }

            return;
        }

        var missing = new List<string>();
        if (s.Model is null)
        {
            missing.Add("--model is required (the registered model)");
        }

        if (s.To is null)
        {
            missing.Add("--to is required (a version or an alias such as candidate), or give --rollback-from REPORT");
        }

        if (missing.Count > 0)
        {
            throw new GateInputException(missing);
        }
    }
}
