using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Load;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Commands;

/// <summary>Declares <c>latency-bench merge SHARD…</c>: combine shard results and gate the merged whole.</summary>
internal static class MergeCommand
{
    public static Command Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var shards = new Argument<string[]>("shards") { Description = "Shard results files written by 'run --shard I/N --save-results FILE'", Arity = ArgumentArity.ZeroOrMore };
        var saveResults = EnvOption.Text(env, "--save-results", "Write the merged results file (JSON) here");
        var baseline = EnvOption.Text(env, "--baseline", "Baseline results for delta gates (any supported format)", "-b");
        var maxLag = EnvOption.Text(env, "--max-schedule-lag", "p99 schedule lag beyond which the merged run is invalid (default 50ms)");
        var command = new Command("merge", "Merge shard results (counters and HDR histograms) into one run and gate it.")
        {
            shards, saveResults, baseline, maxLag,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var settings = common.Bind(parse, env);
            var run = GateRun.Start(LatencyBenchCommand.Name, typeof(MergeCommand).Assembly, settings, env);
            var paths = (parse.GetValue(shards) ?? []).Select(env.Resolve).ToList();
            if (paths.Count == 0 && env.Get("GATES_SHARDS") is { } fromEnv)
            {
                paths = [.. fromEnv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(env.Resolve)];
            }

            var lag = FlagValues.Duration(parse.GetValue(maxLag), "--max-schedule-lag")?.TotalMilliseconds ?? 50;
            var data = paths.Select(ShardReader.Read).ToList();
            var merged = ShardMerger.Merge(data, run.Tool, run.StartedAt, lag);
            merged.Load["shard"] = $"merged {data.Count}";
            var doc = ResultsDocument.Create(merged, null);
            var outPath = FlagValues.Path(parse.GetValue(saveResults), env);
            if (outPath is not null)
            {
                ResultsDocument.Write(outPath, doc);
                run.Say($"merged {data.Count} shards into {outPath}");
            }

            var results = NativeImporter.Read(System.Text.Json.JsonDocument.Parse(doc.ToJsonString()).RootElement.Clone(), outPath ?? "(merged)", "");
            new Run.SummaryWriter(settings.Thresholds is null ? env.Out : env.Error).Write(results, merged);
            var basis = FlagValues.Path(parse.GetValue(baseline), env) is { } b ? ResultsReader.Read(b) : null;
            ct.ThrowIfCancellationRequested();
            return LatencyReport.GateAndPublishAsync(run, results, basis,
                new System.Text.Json.Nodes.JsonObject { ["merged_from"] = new System.Text.Json.Nodes.JsonArray([.. paths.Select(p => (System.Text.Json.Nodes.JsonNode)p)]) }, ct);
        });
        return command;
    }
}
