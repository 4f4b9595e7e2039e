using Gates.Core.Results;

namespace Gates.CanaryValidate.Analysis;

/// <summary>What the analysis remembers of one gate between looks.</summary>
internal sealed class GateTrack(CanaryGate gate)
{
    public CanaryGate Gate { get; } = gate;
    public Interval? Contrast { get; set; }
    /// <summary>Fixed at the first look with canary data, then never changed (a sequence must keep its shape).</summary>
    public double? Tuning { get; set; }
    public GateLook? Last { get; set; }
    public bool EverHadData { get; set; }
}
