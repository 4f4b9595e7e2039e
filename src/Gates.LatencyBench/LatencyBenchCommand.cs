using System.CommandLine;
using Gates.Cli;
using Gates.LatencyBench.Commands;

namespace Gates.LatencyBench;

/// <summary>The latency-bench command tree: run, gate, merge, policy-smoke.</summary>
internal static class LatencyBenchCommand
{
    public const string Name = "latency-bench";

    public static RootCommand Create(GateEnvironment env, Func<bool> terminal) => new($"{Name}: LLM-aware load generation and latency gates.")
    {
        RunCommand.Create(env, terminal),
        GateCommand.Create(env),
        MergeCommand.Create(env),
        PolicySmokeCommand.Create(env),
    };
}
