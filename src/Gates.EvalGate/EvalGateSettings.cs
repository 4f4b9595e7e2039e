using Gates.Cli;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>eval-gate's bound command line.</summary>
internal sealed record EvalGateSettings
{
    public required CommonSettings Common { get; init; }
    public required IReadOnlyList<string> Results { get; init; }
    public IReadOnlyList<string> Baseline { get; init; } = [];
    public ResultsFormat Format { get; init; } = ResultsFormat.Auto;
    public string? IdField { get; init; }
    public int Seed { get; init; } = 20_240_601;
    public int Resamples { get; init; } = 10_000;
}
