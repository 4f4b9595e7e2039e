using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>Declares eval-gate's options and binds them; the work is done by <see cref="EvalGateRun"/>.</summary>
internal static class EvalGateCommand
{
    public const string Name = "eval-gate";

    public static RootCommand Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var results = EnvOption.List(env, "--results", "Evaluation results: JSON, per-item JSONL, lm-evaluation-harness, promptfoo or openai/evals", "-r");
        var baseline = EnvOption.List(env, "--baseline", "Results of the model now in production, for deltas and paired comparisons", "-b");
        var format = EnvOption.Text(env, "--results-format", "auto | json | jsonl | lm-eval | promptfoo | openai-evals (default auto: detected by shape)");
        var idField = EnvOption.Text(env, "--id-field", "Per-item id field for pairing with the baseline (default: id, item_id or sample_id)");
        var seed = EnvOption.Text(env, "--seed", "Seed for bootstrap intervals (default 20240601)");
        var resamples = EnvOption.Text(env, "--bootstrap-resamples", "Bootstrap resamples (default 10000)");

        var root = new RootCommand($"{Name}: quality and safety gates on model evaluation results.") { results, baseline, format, idField, seed, resamples };
        common.AddTo(root);
        root.SetAction((parse, ct) =>
        {
            var settings = new EvalGateSettings
            {
                Common = common.Bind(parse, env),
                Results = [.. (parse.GetValue(results) ?? []).Select(env.Resolve)],
                Baseline = [.. (parse.GetValue(baseline) ?? []).Select(env.Resolve)],
                Format = ParseFormat(parse.GetValue(format)),
                IdField = parse.GetValue(idField),
                Seed = FlagValues.Int(parse.GetValue(seed), "--seed") ?? 20_240_601,
                Resamples = FlagValues.Int(parse.GetValue(resamples), "--bootstrap-resamples") ?? 10_000,
            };
            return EvalGateRun.ExecuteAsync(settings, env, ct);
        });
        return root;
    }

    private static ResultsFormat ParseFormat(string? value)
    {
        try
        {
            return value is null ? ResultsFormat.Auto : ResultsFormats.Parse(value);
        }
        catch (GateInputException e)
        {
            throw new GateInputException($"--results-format: {e.Message}");
        }
    }
}
