using Gates.Core.Statistics.Sequential;

namespace Gates.Bench.Honesty;

/// <summary>
/// canary-validate on an error-rate gate <c>max: 0.02</c>: 30 looks of 200 requests each. Rolls back when the
/// confidence sequence's lower bound passes the threshold. Compared with re-testing a fixed 95 % z-test at every look.
/// </summary>
public static class Canary
{
    private const double Threshold = 0.02;
    private const double Alpha = 0.05;
    private const int Looks = 30;
    private const int PerLook = 200;

    public static IEnumerable<Row> Run(HonestyConfig config)
    {
        var random = new Random(config.Seed + 3);
        var prior = BetaPrior.CentredOn(Threshold);
        var setting = $"{Looks} looks x {PerLook} requests";
        var nullRuns = Enumerable.Range(0, config.CanaryTrials).Select(_ => FirstRollback(random, Threshold, prior)).ToList();
        yield return new Row("canary-validate", "false rollback, confidence sequence", $"true rate = {Threshold}, {setting}",
            Share(nullRuns, r => r.Sequence is not null), "at most 5 %");
        yield return new Row("canary-validate", "false rollback, fixed z-test re-run at each look", $"true rate = {Threshold}, {setting}",
            Share(nullRuns, r => r.Peeking is not null), "5 % if looked at once; peeking inflates it");
        var doubled = Enumerable.Range(0, config.CanaryTrials).Select(_ => FirstRollback(random, 2 * Threshold, prior).Sequence).ToList();
        var detected = doubled.Where(l => l is not null).Select(l => (double)l!.Value).Order().ToList();
        yield return new Row("canary-validate", "doubled error rate detected within 30 looks", $"true rate = {2 * Threshold}, {setting}",
            (double)detected.Count / doubled.Count, "near 100 %");
        var median = detected.Count > 0 ? detected[detected.Count / 2] : double.NaN;
        yield return new Row("canary-validate", $"median detection time: look {median:0} ({median * PerLook:0} requests), as a share of 30 looks",
            $"true rate = {2 * Threshold}, {setting}", median / Looks, "as early as the evidence allows");
    }

    private static double Share<T>(IReadOnlyCollection<T> runs, Func<T, bool> rolledBack) =>
        (double)runs.Count(rolledBack) / runs.Count;

    private static (int? Sequence, int? Peeking) FirstRollback(Random random, double rate, BetaPrior prior)
    {
        long errors = 0, n = 0;
        int? sequence = null, peeking = null;
        const double z = 1.6448536269514722; // one-sided 95 % normal quantile
        for (var look = 1; look <= Looks; look++)
        {
            errors += Draw.Binomial(random, PerLook, rate);
            n += PerLook;
            if (sequence is null && ProportionSequence.Bounds(errors, n, Alpha, prior).Low > Threshold)
            {
                sequence = look;
            }

            var stat = (((double)errors / n) - Threshold) / Math.Sqrt(Threshold * (1 - Threshold) / n);
            if (peeking is null && stat > z)
            {
                peeking = look;
            }
        }

        return (sequence, peeking);
    }
}
