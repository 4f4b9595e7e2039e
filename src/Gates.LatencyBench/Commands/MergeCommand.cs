using Gates.Core.Text;
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
        var shards = new Argument<string[]>("shards") { Description = "Shard results files written by 'run --shard I/N --output FILE'", Arity = ArgumentArity.ZeroOrMore };
        var output = EnvOption.Text(env, "--output", "Write the merged results file (JSON) here", "-o");
        var baseline = EnvOption.Text(env, "--baseline", "Baseline results for delta gates (any supported format)", "-b");
        var maxLag = EnvOption.Text(env, "--max-schedule-lag", "p99 schedule lag beyond which the merged run is invalid (default 50ms)");
        var command = new Command("merge", "Merge shard results (counters and HDR histograms) into one run and gate it.")
        {
            shards, output, baseline, maxLag,
        };
        Flags.AddCommon(command, common, withOutput: false);
        command.SetAction((parse, ct) =>
        {
            var settings = common.Bind(parse, env) with { Output = null };
            var run = GateRun.Start(LatencyBenchCommand.Name, typeof(MergeCommand).Assembly, settings, env);
            var paths = (parse.GetValue(shards) ?? []).Select(env.Resolve).ToList();
            if (paths.Count == 0 && env.Get("GATES_SHARDS") is { } fromEnv)
            {
                paths = [.. fromEnv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(env.Resolve)];
            }

            var lag = parse.GetValue(maxLag) is { Length: > 0 } l ? DurationText.Parse(l, "--max-schedule-lag").TotalMilliseconds : 50;
            var data = paths.Select(ShardReader.Read).ToList();
            var merged = ShardMerger.Merge(data, run.Tool, run.StartedAt, lag);
            merged.Load["shard"] = $"merged {data.Count}";
            var doc = ResultsDocument.Create(merged, null);
            var outPath = parse.GetValue(output) is { Length: > 0 } o ? env.Resolve(o) : null;
            if (outPath is not null)
            {
                ResultsDocument.Write(outPath, doc);
                run.Say($"merged {data.Count} shards into {outPath}");
            }

            var results = NativeImporter.Read(System.Text.Json.JsonDocument.Parse(doc.ToJsonString()).RootElement.Clone(), outPath ?? "(merged)", "");
            new Run.SummaryWriter(settings.Thresholds is null ? env.Out : env.Error).Write(results, merged);
            var basis = parse.GetValue(baseline) is { Length: > 0 } b ? ResultsReader.Read(env.Resolve(b)) : null;
            ct.ThrowIfCancellationRequested();
            return LatencyReport.GateAndPublishAsync(run, results, basis,
                new System.Text.Json.Nodes.JsonObject { ["merged_from"] = new System.Text.Json.Nodes.JsonArray([.. paths.Select(p => (System.Text.Json.Nodes.JsonNode)p)]) }, ct);
        });
        return command;
    }
}
