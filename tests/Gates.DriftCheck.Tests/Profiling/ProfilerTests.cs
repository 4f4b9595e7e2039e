using System.Text;
using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Profiling;

public class ProfilerTests
{
    [Fact]
    public void Profiling_both_files_in_one_pass_equals_the_reference_then_the_current()
    {
        using var folder = new TempFolder();
        var reference = TestData.Csv(folder, "r.csv",
            ("x", TestData.Text(TestData.Normal(1, 5000))),
            ("k", TestData.Categories(2, 5000, ("a", 1), ("b", 2), ("c", 3))),
            ("n", TestData.Text(Enumerable.Range(0, 5000).Select(i => (double)(i % 4)))));
        var current = TestData.Csv(folder, "c.csv",
            ("x", TestData.Text(TestData.Normal(3, 4000, 0.2))),
            ("k", TestData.Categories(4, 4000, ("a", 1), ("b", 1), ("d", 1))),
            ("n", TestData.Text(TestData.Normal(5, 4000))));
        var overrides = new Dictionary<string, ColumnType> { ["n"] = ColumnType.Numeric };

        var (both, bothCurrent) = Profiler.Both(TestData.Read(reference), TestData.Read(current), overrides);
        var alone = Profiler.Reference(TestData.Read(reference), overrides);
        var aloneCurrent = Profiler.Current(TestData.Read(current), alone);

        Json(both).ShouldBe(Json(alone));
        Json(bothCurrent!).ShouldBe(Json(aloneCurrent));
        bothCurrent!.Find("n")!.Type.ShouldBe(ColumnType.Numeric);
        bothCurrent.Columns.Select(c => c.Name).ShouldBe(["x", "k", "n"]);
    }

    [Fact]
    public void Columns_sorted_one_after_another_in_reused_arrays_are_each_sorted_exactly()
    {
        var random = new Random(8);
        // Largest first, so the later, shorter columns are sorted in arrays longer than they are.
        foreach (var length in new[] { 50_000, 20_000, 9_000, 5_000 })
        {
            var values = Enumerable.Range(0, length).Select(_ => Math.Round((random.NextDouble() - 0.5) * 1000, 2)).ToArray();
            var sketch = new NumberSketch(NumberSketch.DefaultExactLimit);
            foreach (var v in values)
            {
                sketch.Add(v);
            }

            var (distribution, moments, error) = sketch.Finish();
            var expected = Gates.Core.Statistics.Drift.EmpiricalDistribution.FromValues(values);

            distribution!.Values.ShouldBe(expected.Values);
            distribution.Weights.ShouldBe(expected.Weights);
            moments.Count.ShouldBe(length);
            error.ShouldBe(0);
        }
    }

    private static string Json(TableProfile profile) => Encoding.UTF8.GetString(ProfileJson.Write(profile, 1000, 1_000_000));
}
