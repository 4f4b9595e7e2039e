using Gates.CanaryValidate.Analysis;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Tests.Support;

/// <summary>Deterministic counts for one error-rate gate: every look adds the same requests and errors per side.</summary>
internal sealed class FixedTraffic(string gate, long canaryPerLook, long canaryErrorsPerLook, long baselinePerLook, long baselineErrorsPerLook) : IMetricReader
{
    private int looks;

    public Task<LookData> ReadAsync(DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        looks++;
        var data = new GateData(new SideStats(canaryPerLook * looks, canaryErrorsPerLook * looks), new SideStats(baselinePerLook * looks, baselineErrorsPerLook * looks));
        return Task.FromResult(new LookData(new Dictionary<string, GateData> { [gate] = data }, new TrafficCounts(canaryPerLook * looks, baselinePerLook * looks)));
    }
}

/// <summary>A target whose status at each read comes from a list (the last one repeats).</summary>
internal sealed class ScriptedTarget(params TargetStatus[] statuses) : ITargetProbe
{
    private int reads;

    public Task<TargetStatus> ReadAsync(CancellationToken ct) => Task.FromResult(statuses[Math.Min(reads++, statuses.Length - 1)]);

    public static TargetStatus Healthy(int restarts = 0, double? share = null) => new()
    {
        Kind = "Deployment",
        Namespace = "ns",
        CanaryName = "m-canary",
        BaselineName = "m",
        CanaryReady = true,
        CanaryRestarts = restarts,
        ConfiguredCanaryShare = share,
    };
}
