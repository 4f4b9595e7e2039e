using HdrHistogram;

namespace Gates.LatencyBench.Measure;

/// <summary>
/// The value at a percentile as HdrHistogram defines it (Java, C, Go, Rust, JavaScript): the highest equivalent
/// value of the first recorded value whose cumulative count reaches ceil(p/100 × total), so at least p% of the
/// recorded values are at or below it. HdrHistogram.NET rounds that count to the nearest integer instead, which
/// for small counts reports a lower value (p95 of 15 values: the 14th, not the 15th).
/// </summary>
internal static class Percentile
{
    public static long ValueAt(HistogramBase histogram, double percentile)
    {
        var total = histogram.TotalCount;
        if (total == 0)
        {
            return 0;
        }

        var exact = Math.Min(percentile, 100) / 100 * total;
        // Round up, without letting a one-ulp error in the product skip a count.
        var count = Math.Max((long)Math.Ceiling(exact - (Math.BitIncrement(exact) - exact)), 1);
        long last = 0;
        foreach (var v in histogram.RecordedValues())
        {
            last = v.ValueIteratedTo;
            if (v.TotalCountToThisValue >= count)
            {
                return percentile == 0 ? histogram.LowestEquivalentValue(last) : last;
            }
        }

        return last;
    }
}
