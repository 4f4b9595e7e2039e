using Gates.CanaryValidate.Analysis;
using Gates.Core;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Target;

/// <summary>Reads the canary's status from a Deployment pair or an InferenceService at every look.</summary>
internal sealed class KubernetesProbe(KubernetesCluster cluster, CanaryValidateSettings settings, string ns) : ITargetProbe
{
    public KubernetesCluster Cluster => cluster;

    public Task<TargetStatus> ReadAsync(CancellationToken ct) => settings.InferenceService is { } isvc
        ? cluster.ReadInferenceServiceAsync(ns, isvc, ct)
        : cluster.ReadDeploymentAsync(ns, settings.Deployment!, StableName(settings), ct);

    public static string StableName(CanaryValidateSettings settings)
    {
        if (settings.StableDeployment is { Length: > 0 } stable)
        {
            return stable;
        }

        const string suffix = "-canary";
        var canary = settings.Deployment!;
        return canary.EndsWith(suffix, StringComparison.Ordinal) && canary.Length > suffix.Length
            ? canary[..^suffix.Length]
            : throw new GateInputException($"--stable-deployment is required: '{canary}' does not end in -canary, so its stable twin cannot be guessed");
    }
}
