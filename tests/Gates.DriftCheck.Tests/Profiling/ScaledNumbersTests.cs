using System.Globalization;
using System.Text;
using Gates.Core.Statistics.Drift;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

/// <summary>
/// Numbers read as text are held as scaled integers while they fit (<see cref="ScaledNumbers"/>): the sorted
/// doubles, moments and statistics must be bit for bit those of the plain double path, whatever the text.
/// </summary>
public class ScaledNumbersTests
{
    [Fact]
    public void Four_decimal_numbers_as_pandas_writes_them_give_the_same_distribution()
    {
        var random = new Random(1);
        var texts = Enumerable.Range(0, 50_000)
            .Select(_ => Math.Round(random.NextDouble() * 200, 4).ToString("R", CultureInfo.InvariantCulture))
            .ToList();

        SameAsDoubles(texts);
    }

    [Fact]
    public void Negatives_zeros_signs_and_bare_points_give_the_same_distribution()
    {
        var random = new Random(2);
        string[] odd = ["-0", "-0.0", "0", "0.000", "+1.5", ".5", "-.25", "7.", "-7", "00012.50", "2147483647", "-2147483647"];
        var texts = Enumerable.Range(0, 30_000)
            .Select(i => i % 10 == 0 ? odd[i / 10 % odd.Length] : Math.Round((random.NextDouble() - 0.5) * 1000, 3).ToString("R", CultureInfo.InvariantCulture))
            .ToList();

        SameAsDoubles(texts);
    }

    [Fact]
    public void Values_that_do_not_fit_go_to_doubles_and_give_the_same_distribution()
    {
        var random = new Random(3);
        string[] misfits = ["12345678.12345", "1e5", "-2.5E-3", " 12", "0.1234567891", "9007199254740993", "3000000000", "-2147483648", "1.7976931348623157E+308"];
        var texts = Enumerable.Range(0, 30_000)
            .Select(i => i % 100 == 0 ? misfits[i / 100 % misfits.Length] : Math.Round(random.NextDouble() * 50, 4).ToString("R", CultureInfo.InvariantCulture))
            .ToList();

        SameAsDoubles(texts);
    }

    [Fact]
    public void Decimals_that_appear_late_rescale_the_integers_held_or_go_to_doubles()
    {
        var random = new Random(4);
        var integers = Enumerable.Range(0, 10_000).Select(_ => random.Next(-100_000, 100_000).ToString(CultureInfo.InvariantCulture));
        var decimals = Enumerable.Range(0, 10_000).Select(_ => Math.Round(random.NextDouble() * 10, 6).ToString("R", CultureInfo.InvariantCulture));
        SameAsDoubles([.. integers, .. decimals]);

        // 2,000,000,000 cannot take 4 more decimals in an int: the later decimals go to doubles.
        SameAsDoubles([.. Enumerable.Repeat("2000000000", 5000), .. decimals, "1"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Parts_at_different_scales_and_past_the_exact_limit_give_the_same_sketch(int parts)
    {
        var random = new Random(5);
        var texts = Enumerable.Range(0, 40_000)
            .Select(i => (i / 6000) switch
            {
                0 => random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
                1 => Math.Round(random.NextDouble() * 100, 2).ToString("R", CultureInfo.InvariantCulture),
                2 => "2100000000",
                _ => Math.Round(random.NextDouble() * 100, 5).ToString("R", CultureInfo.InvariantCulture),
            })
            .ToList();

        SameAsDoubles(texts, parts);
        SameAsDoubles(texts, parts, exactLimit: 9000);
    }

    [Fact]
    public void A_column_with_missing_values_NaN_and_infinities_holds_the_same_numbers()
    {
        var random = new Random(6);
        string[] others = ["", "NaN", "nan", "inf", "-inf", "NA", "n/a"];
        var cells = Enumerable.Range(0, 20_000)
            .Select(i => i % 13 == 0 ? others[i / 13 % others.Length] : Math.Round(random.NextDouble() * 10 - 5, 4).ToString("R", CultureInfo.InvariantCulture))
            .ToList();
        var column = new ColumnAccumulator("x", MissingValues.Default, 1 << 20, 1000);
        var row = 0L;
        foreach (var cell in cells)
        {
            column.Add(Encoding.ASCII.GetBytes(cell), ++row);
        }

        var finite = cells.Where(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v));
        Same(column.Numbers.Finish(), Read([.. finite], 1, 1 << 20, scaled: false).Finish());
    }

    /// <summary>The same texts, cut into the same parts, read with and without the scaled integers.</summary>
    private static void SameAsDoubles(IReadOnlyList<string> texts, int parts = 1, int exactLimit = 1 << 20) =>
        Same(Read(texts, parts, exactLimit, scaled: true).Finish(), Read(texts, parts, exactLimit, scaled: false).Finish());

    private static NumberSketch Read(IReadOnlyList<string> texts, int parts, int exactLimit, bool scaled)
    {
        var sketches = Enumerable.Range(0, parts).Select(_ => new NumberSketch(exactLimit)).ToArray();
        for (var i = 0; i < texts.Count; i++)
        {
            var part = sketches[(long)i * parts / texts.Count];
            if (scaled && FastNumber.TryParse(Encoding.ASCII.GetBytes(texts[i]), out var value, out var mantissa, out var decimals))
            {
                part.Add(value, mantissa, decimals);
            }
            else
            {
                part.Add(double.Parse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        foreach (var next in sketches.Skip(1))
        {
            sketches[0].Append(next);
        }

        return sketches[0];
    }

    private static void Same(
        (EmpiricalDistribution? Distribution, Moments Moments, double CdfError) actual,
        (EmpiricalDistribution? Distribution, Moments Moments, double CdfError) expected)
    {
        var (a, e) = (actual.Distribution!, expected.Distribution!);
        Bits(a.Values).ShouldBe(Bits(e.Values));
        a.Weights.ShouldBe(e.Weights);
        a.SampleSize.ShouldBe(e.SampleSize);
        actual.Moments.ShouldBe(expected.Moments);
        actual.CdfError.ShouldBe(expected.CdfError);

        // And so the statistics made from them, against a fixed other sample.
        var other = EmpiricalDistribution.FromValues([.. Enumerable.Range(0, 1000).Select(i => (i * 0.37) - 50)]);
        KolmogorovSmirnovTest.Statistic(a, other).ShouldBe(KolmogorovSmirnovTest.Statistic(e, other));
        Divergences.Wasserstein(a, other).ShouldBe(Divergences.Wasserstein(e, other));
        foreach (var p in new[] { 0.0, 0.1, 0.25, 0.5, 0.9, 1.0 })
        {
            a.Quantile(p).ShouldBe(e.Quantile(p));
        }
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
