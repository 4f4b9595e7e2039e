using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Gates.Kubernetes;

/// <summary>Reads a canary Deployment and its stable twin: rollout state, conditions, pods.</summary>
internal sealed class DeploymentReader(IKubernetes client)
{
    public async Task<TargetStatus> ReadAsync(string ns, string canary, string stable, CancellationToken ct)
    {
        var canaryDeployment = await GetAsync(ns, canary, ct);
        _ = await GetAsync(ns, stable, ct);
        var pods = await PodsAsync(ns, canaryDeployment, ct);
        var health = PodHealth.Of(pods);
        var failures = new List<string>(health.Failures);
        var notReady = new List<string>();
        foreach (var condition in canaryDeployment.Status?.Conditions ?? [])
        {
            if (condition.Type == "Progressing" && condition.Reason == "ProgressDeadlineExceeded")
            {
                failures.Add($"deployment {canary}: progress deadline exceeded ({condition.Message})");
            }
            else if (condition.Type == "ReplicaFailure" && condition.Status == "True")
            {
                failures.Add($"deployment {canary}: replica failure ({condition.Reason}: {condition.Message})");
            }
        }

        var wanted = canaryDeployment.Spec?.Replicas ?? 1;
        var ready = canaryDeployment.Status?.ReadyReplicas ?? 0;
        if (wanted == 0)
        {
            notReady.Add($"deployment {canary} is scaled to zero");
        }
        else if (ready < wanted)
        {
            notReady.Add($"deployment {canary}: {ready} of {wanted} replicas ready");
            notReady.AddRange(health.NotReady);
        }

        return new TargetStatus
        {
            Kind = "Deployment",
            Namespace = ns,
            CanaryName = canary,
            BaselineName = stable,
            CanaryReady = notReady.Count == 0,
            CanaryRestarts = health.Restarts,
            Failures = failures,
            NotReady = notReady,
            CanaryImage = canaryDeployment.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image,
            CanaryContainer = canaryDeployment.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Name,
        };
    }

    private async Task<V1Deployment> GetAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            return await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new Core.GateInputException($"deployment {ns}/{name} does not exist");
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"cannot read deployment {ns}/{name}: {e.Message}", e);
        }
    }

    private async Task<IList<V1Pod>> PodsAsync(string ns, V1Deployment deployment, CancellationToken ct)
    {
        var labels = deployment.Spec?.Selector?.MatchLabels;
        if (labels is null || labels.Count == 0)
        {
            return [];
        }

        var selector = string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"));
        try
        {
            return (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: ct)).Items;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"cannot list pods of {ns}/{deployment.Metadata?.Name}: {e.Message}", e);
        }
    }
}
