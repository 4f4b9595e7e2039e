using Gates.Kubernetes;

namespace Gates.CanaryValidate.Analysis;

/// <summary>Reads the canary's health at each look (Kubernetes, or nothing when names are given directly).</summary>
internal interface ITargetProbe
{
    Task<TargetStatus> ReadAsync(CancellationToken ct);
}
