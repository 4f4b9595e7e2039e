namespace Gates.Bench.Honesty;

/// <summary>Every row of the honesty table, part by part, from one seeded configuration.</summary>
public static class HonestyBenchmark
{
    public static IEnumerable<Row> Rows(HonestyConfig config) =>
        Boundary.Run(config).Concat(Coverage.Run(config)).Concat(Drift.Run(config)).Concat(Canary.Run(config));
}
