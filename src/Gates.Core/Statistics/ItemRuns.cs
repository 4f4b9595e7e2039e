namespace Gates.Core.Statistics;

/// <summary>One item (a test case, a question) run several times: how many runs, how many passed.</summary>
public sealed record ItemRuns(string Id, int Runs, int Passes)
{
    /// <summary>Share of this item's runs that passed.</summary>
    public double Share => Runs == 0 ? 0 : (double)Passes / Runs;

    /// <summary>Some runs passed and some failed.</summary>
    public bool Flaky => Passes > 0 && Passes < Runs;
}
