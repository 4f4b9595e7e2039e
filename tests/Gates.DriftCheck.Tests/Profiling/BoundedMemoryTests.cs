using System.Globalization;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

/// <summary>Alone, so that the live memory it samples is its own, not that of tests running beside it.</summary>
[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public class BoundedMemoryCollection;

[Collection(nameof(BoundedMemoryTests))]
public class BoundedMemoryTests
{
    private const int Rows = 10_000_000;

    /// <summary>Kept exactly, the reference alone would hold 80 MB of doubles (and the run 176 MB).</summary>
    private const long Bound = 48L << 20;

    [Fact]
    public void A_drift_verdict_on_ten_million_rows_a_side_holds_in_bounded_memory_through_the_sketches()
    {
        var options = new TableReadOptions { ExactNumbers = 200_000 };
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;

        var reference = Profiler.Reference(Stream(options, Rows, seed: 1, shift: 0, ref peak), new Dictionary<string, ColumnType>());
        var drifted = Profiler.Current(Stream(options, Rows, seed: 2, shift: 0.5, ref peak), reference);
        var stable = Profiler.Current(Stream(options, Rows / 5, seed: 3, shift: 0, ref peak), reference);

        (peak - baseline).ShouldBeLessThan(Bound);
        var x = reference.Find("x")!.Numbers!;
        x.Distribution.IsExact.ShouldBeFalse();
        x.Count.ShouldBe(Rows);
        x.CdfError.ShouldBeLessThanOrEqualTo(((Math.Floor(Math.Log2(Rows / 200_000.0)) + 1) / (NumberSketch.Points - 1)) + 1e-12);
        DriftComparison.Run(reference, drifted, new DriftSettings()).Column("x").Status.ShouldBe(ColumnStatus.Drift);
        DriftComparison.Run(reference, stable, new DriftSettings()).Column("x").Status.ShouldBe(ColumnStatus.NoDrift);
    }

    /// <summary>Normal values written as CSV cells and read one at a time, as a reader would; live memory sampled as it goes.</summary>
    private static Table Stream(TableReadOptions options, int rows, int seed, double shift, ref long peak)
    {
        var column = options.NewColumn("x");
        var random = new Random(seed);
        Span<byte> cell = stackalloc byte[32];
        for (var row = 1; row <= rows; row++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            (normal + shift).TryFormat(cell, out var length, "F4", CultureInfo.InvariantCulture);
            column.Add(cell[..length], row);
            if (row % 1_000_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        return new Table { Path = $"stream-{seed}", Sha256 = "", Format = TableFormat.Csv, Rows = rows, Columns = [column] };
    }
}
