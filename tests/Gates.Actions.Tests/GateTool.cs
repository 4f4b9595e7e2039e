using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>The Gates tools: command name, package id, and whether this source tree has the tool yet.</summary>
public sealed record GateTool(string Command, string Package)
{
    public static readonly IReadOnlyList<GateTool> All =
    [
        new("eval-gate", "Gates.EvalGate"),
        new("latency-bench", "Gates.LatencyBench"),
        new("drift-check", "Gates.DriftCheck"),
        new("canary-validate", "Gates.CanaryValidate"),
        new("manifest-bump", "Gates.ManifestBump"),
        new("gate-report", "Gates.GateReport"),
    ];

    public string Project => RepositoryPaths.Of("src", Package, Package + ".csproj");

    public bool InSource => File.Exists(Project);

    public static IReadOnlyList<GateTool> Landed => All.Where(t => t.InSource).ToList();

    public static IEnumerable<object[]> Commands => All.Select(t => new object[] { t.Command });

    public static GateTool Named(string command) => All.Single(t => t.Command == command);
}
