using Gates.CanaryValidate.Analysis;
using MathNet.Numerics.Distributions;

namespace Gates.CanaryValidate.Tests.Support;

/// <summary>
/// A seeded simulation of request and error counters on both sides: at each look, every side gets a fixed
/// number of new requests whose errors are binomial with that side's true rate.
/// </summary>
internal sealed class SimulatedTraffic(Random random, string gate, double canaryRate, double baselineRate, long canaryPerLook, long baselinePerLook) : IMetricReader
{
    private long canaryN, canaryErrors, baselineN, baselineErrors;

    public Task<LookData> ReadAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        canaryN += canaryPerLook;
        canaryErrors += Binomial.Sample(random, canaryRate, (int)canaryPerLook);
        baselineN += baselinePerLook;
        baselineErrors += Binomial.Sample(random, baselineRate, (int)baselinePerLook);
        var data = new GateData(new SideStats(canaryN, canaryErrors), new SideStats(baselineN, baselineErrors));
        return Task.FromResult(new LookData(new Dictionary<string, GateData> { [gate] = data }, new TrafficCounts(canaryN, baselineN)));
    }
}
