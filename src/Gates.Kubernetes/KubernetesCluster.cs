namespace Gates.Kubernetes;

/// <summary>
/// The cluster as the Gates tools see it: read a canary's status, apply a patch. The only way into Kubernetes
/// from outside this project, so KubernetesClient's types stay here (its models, exceptions and IKubernetes).
/// </summary>
public sealed class KubernetesCluster
{
    private readonly k8s.IKubernetes client;

    internal KubernetesCluster(k8s.IKubernetes client) => this.client = client;

    /// <summary>An explicit kubeconfig (and context), else the default kubeconfig, else the in-cluster service account.</summary>
    public static KubernetesCluster Connect(string? kubeconfig, string? context) => new(KubernetesConnection.Create(kubeconfig, context));

    /// <summary>A canary Deployment and its stable twin.</summary>
    public Task<TargetStatus> ReadDeploymentAsync(string ns, string canary, string stable, CancellationToken ct) =>
        new DeploymentReader(client).ReadAsync(ns, canary, stable, ct);

    /// <summary>A KServe InferenceService, serverless or raw.</summary>
    public Task<TargetStatus> ReadInferenceServiceAsync(string ns, string name, CancellationToken ct) =>
        new InferenceServiceReader(client).ReadAsync(ns, name, ct);

    /// <summary>Sends one patch made by <see cref="TargetActions"/>; throws <see cref="TargetUnavailableException"/> when it fails.</summary>
    public Task ApplyAsync(TargetPatch patch, CancellationToken ct) => TargetActions.ApplyAsync(client, patch, ct);
}
