using System.Globalization;
using System.Text;
using Gates.Core;
using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Profiling;

public class ProfileMergeTests
{
    private static readonly string[] Levels = ["a", "b", "c", "d"];

    [Fact]
    public void Merged_partition_profiles_equal_the_profile_of_the_whole_below_the_exact_cap()
    {
        using var folder = new TempFolder();
        var (whole, parts) = Partitions(folder, 3, 6000);

        var merged = ProfileMerge.Merge([.. parts.Select(p => SavedProfile(folder, p, exactValues: 100_000))]);
        var direct = TestData.Reference(whole);

        merged.Rows.ShouldBe(direct.Rows);
        foreach (var column in direct.Columns)
        {
            var m = merged.Find(column.Name)!;
            m.Type.ShouldBe(column.Type);
            (m.Rows, m.Missing, m.Invalid).ShouldBe((column.Rows, column.Missing, column.Invalid));
            if (column.Numbers is { } n)
            {
                m.Numbers!.Distribution.IsExact.ShouldBeTrue();
                m.Numbers.CdfError.ShouldBe(0);
                m.Numbers.Distribution.Values.ShouldBe(n.Distribution.Values);
                m.Numbers.Distribution.Weights.ShouldBe(n.Distribution.Weights);
                m.Numbers.Moments.Count.ShouldBe(n.Moments.Count);
                m.Numbers.Moments.Mean.ShouldBe(n.Moments.Mean, 1e-12);
                m.Numbers.Moments.SumOfSquares.ShouldBe(n.Moments.SumOfSquares, 1e-9 * n.Moments.SumOfSquares);
            }

            if (column.Categories is { } c)
            {
                m.Categories!.Counts.ShouldBe(c.Counts, ignoreOrder: true);
                m.Categories.Other.ShouldBe(c.Other);
            }
        }
    }

    [Fact]
    public void Past_the_cap_merged_sketches_stay_within_the_stated_bound_of_the_whole()
    {
        using var folder = new TempFolder();
        var (whole, parts) = Partitions(folder, 4, 20_000);

        var merged = ProfileMerge.Merge([.. parts.Select(p => SavedProfile(folder, p, exactValues: 0, quantiles: 200))]);
        var saved = ReadBack(folder, "merged.json", ProfileJson.Write(merged, 200));
        var exact = TestData.Reference(whole).Find("x")!.Numbers!.Distribution;

        var x = saved.Find("x")!.Numbers!;
        x.Distribution.IsExact.ShouldBeFalse();
        x.CdfError.ShouldBe(2.0 / 199, 1e-12);
        NumberSketchTests.MaxCdfGap(x.Distribution, exact).ShouldBeLessThanOrEqualTo(x.CdfError);
        x.Count.ShouldBe(exact.SampleSize);
        saved.Find("k")!.Categories!.Counts.ShouldBe(TestData.Reference(whole).Find("k")!.Categories!.Counts, ignoreOrder: true);
    }

    [Fact]
    public void The_merged_profile_is_the_same_whatever_the_order_of_the_parts()
    {
        using var folder = new TempFolder();
        var (_, parts) = Partitions(folder, 3, 9000);
        var profiles = parts.Select(p => SavedProfile(folder, p, exactValues: 0, quantiles: 300)).ToList();

        var forward = ProfileJson.Write(ProfileMerge.Merge(profiles), 300);
        var backward = ProfileJson.Write(ProfileMerge.Merge([profiles[2], profiles[0], profiles[1]]), 300);

        Encoding.UTF8.GetString(backward).ShouldBe(Encoding.UTF8.GetString(forward));
    }

    [Fact]
    public void Parts_that_disagree_on_a_column_type_are_an_input_error_naming_the_column()
    {
        using var folder = new TempFolder();
        var numeric = TestData.Csv(folder, "n.csv", ("x", TestData.Text(TestData.Normal(1, 100))));
        var codes = TestData.Csv(folder, "c.csv", ("x", [.. Enumerable.Range(0, 100).Select(i => (i % 3).ToString(CultureInfo.InvariantCulture))]));

        var e = Should.Throw<GateInputException>(() => ProfileMerge.Merge([SavedProfile(folder, numeric, 0), SavedProfile(folder, codes, 0)]));

        e.Message.ShouldContain("column 'x' has different types");
    }

    /// <summary>A CSV of n rows (a numeric column x with some missing values, a categorical k) and its split into parts.</summary>
    private static (string Whole, List<string> Parts) Partitions(TempFolder folder, int count, int n)
    {
        var x = TestData.Text(TestData.Normal(5, n, 10, 3)).Select((v, i) => i % 97 == 0 ? "" : v).ToList();
        var k = TestData.Categories(6, n, ("a", 4), ("b", 2), ("c", 1), ("d", 1));
        var whole = TestData.Csv(folder, "whole.csv", ("x", x), ("k", k));
        var size = (n + count - 1) / count;
        var parts = Enumerable.Range(0, count)
            .Select(p => TestData.Csv(folder, $"part{p}.csv", ("x", x.Skip(p * size).Take(size).ToList()), ("k", k.Skip(p * size).Take(size).ToList())))
            .ToList();
        return (whole, parts);
    }

    private static TableProfile SavedProfile(TempFolder folder, string data, int exactValues, int quantiles = 1000) =>
        ReadBack(folder, Path.GetFileNameWithoutExtension(data) + ".profile.json", ProfileJson.Write(TestData.Reference(data), quantiles, exactValues));

    private static TableProfile ReadBack(TempFolder folder, string name, byte[] json) =>
        ProfileJsonReader.Read(folder.Write(name, Encoding.UTF8.GetString(json)));
}
