namespace Gates.Bench.Honesty;

/// <summary>How many seeded trials each part runs, and the real table the drift part splits.</summary>
public sealed record HonestyConfig(int Trials, int DriftTrials, int CanaryTrials, int Seed, string Table)
{
    /// <summary>The configuration behind the table in docs/statistics.md.</summary>
    public static HonestyConfig Full(string table) => new(4000, 300, 1000, 13, table);

    /// <summary>A few trials of everything, for a smoke test.</summary>
    public static HonestyConfig Tiny(string table) => new(40, 4, 10, 13, table);
}
