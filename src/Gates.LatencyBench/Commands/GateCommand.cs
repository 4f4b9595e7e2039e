using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Import;

namespace Gates.LatencyBench.Commands;

/// <summary>Declares <c>latency-bench gate</c>: gate any supported results file with a threshold file.</summary>
internal static class GateCommand
{
    public static Command Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var results = EnvOption.Text(env, "--results", "Results file: latency-bench, vLLM bench serve (JSON or JSONL), genai-perf/AIPerf, guidellm, k6 summary", "-r");
        var entry = EnvOption.Text(env, "--entry", "Which result of a multi-result file (guidellm benchmarks, vLLM JSONL), 1-based");
        var baseline = EnvOption.Text(env, "--baseline", "Baseline results for delta gates (any supported format)", "-b");
        var baselineEntry = EnvOption.Text(env, "--baseline-entry", "Which result of a multi-result baseline file, 1-based");
        var command = new Command("gate", "Gate a results file (from latency-bench or another tool) with a threshold file.")
        {
            results, entry, baseline, baselineEntry,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var settings = common.Bind(parse, env);
            var run = GateRun.Start(LatencyBenchCommand.Name, typeof(GateCommand).Assembly, settings, env);
            var path = FlagValues.RequiredPath(parse.GetValue(results), "--results", "the results file to gate", env);
            settings.RequireThresholds();
            var current = ResultsReader.Read(path, FlagValues.Int(parse.GetValue(entry), "--entry"));
            var basis = FlagValues.Path(parse.GetValue(baseline), env) is { } b ? ResultsReader.Read(b, FlagValues.Int(parse.GetValue(baselineEntry), "--baseline-entry"), "--baseline-entry") : null;
            ct.ThrowIfCancellationRequested();
            return LatencyReport.GateAndPublishAsync(run, current, basis, runDetails: null, ct);
        });
        return command;
    }
}
