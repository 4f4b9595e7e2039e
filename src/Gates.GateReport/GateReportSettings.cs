using Gates.Cli;

namespace Gates.GateReport;

/// <summary>gate-report's bound command line.</summary>
internal sealed record GateReportSettings
{
    public required CommonSettings Common { get; init; }

    /// <summary>Paths or glob patterns (<c>*</c>, <c>?</c>, <c>**</c>), as given.</summary>
    public required IReadOnlyList<string> Reports { get; init; }

    /// <summary>Tool names whose failed reports count as warnings in the merged verdict.</summary>
    public IReadOnlyList<string> Advisory { get; init; } = [];

    /// <summary>Where to write the evidence bundle; absolute; null when not asked.</summary>
    public string? Evidence { get; init; }
}
