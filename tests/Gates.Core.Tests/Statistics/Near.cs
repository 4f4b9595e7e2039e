namespace Gates.Core.Tests.Statistics;

/// <summary>Relative comparison against hard-coded reference values.</summary>
internal static class Near
{
    /// <summary>Relative tolerance used against the scipy/statsmodels reference values.</summary>
    public const double Relative = 1e-9;

    public static void ShouldBeNear(this double actual, double expected, double relative = Relative)
    {
        var tolerance = Math.Max(Math.Abs(expected) * relative, 1e-15);
        actual.ShouldBe(expected, tolerance);
    }
}
