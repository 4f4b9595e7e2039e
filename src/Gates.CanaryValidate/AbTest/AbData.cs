using Gates.Core.Statistics.Experiments;

namespace Gates.CanaryValidate.AbTest;

/// <summary>Both arms of one metric, cumulative since the start; a null arm returned no data.</summary>
internal sealed record ArmPair(ArmSummary? Control, ArmSummary? Treatment);

/// <summary>Units seen by each arm since the start (for the sample-ratio check).</summary>
internal sealed record ArmTraffic(long Control, long Treatment)
{
    public double TreatmentShare => Control + Treatment > 0 ? (double)Treatment / (Control + Treatment) : double.NaN;
}

/// <summary>
/// Everything an analysis needs, one entry per look (index 0 is look 1): each metric's arms since the start, each
/// guardrail's treatment over its trailing window, the traffic, and quantiles (reported only) at the last look.
/// </summary>
internal sealed record AbData
{
    public required IReadOnlyDictionary<string, IReadOnlyList<ArmPair>> Metrics { get; init; }
    public required IReadOnlyList<IReadOnlyList<ArmSummary?>> Guardrails { get; init; }
    public required IReadOnlyList<ArmTraffic?> Traffic { get; init; }
    public IReadOnlyDictionary<string, (double? Control, double? Treatment)> Quantiles { get; init; } = new Dictionary<string, (double?, double?)>();
}

/// <summary>Reads the data of the given looks.</summary>
internal interface IAbDataSource
{
    Task<AbData> ReadAsync(AbTestDefinition test, IReadOnlyList<DateTimeOffset> looks, CancellationToken ct);
}
