namespace Gates.Kubernetes;

/// <summary>
/// The cluster as the Gates tools see it: read a canary's status, apply a patch. The only way into Kubernetes
/// from outside this project, so KubernetesClient's types stay here (its models, exceptions and IKubernetes).
/// </summary>
public sealed class KubernetesCluster
{
    private readonly k8s.IKubernetes client;

    internal KubernetesCluster(k8s.IKubernetes client, ClusterIdentity identity)
    {
        this.client = client;
        Identity = identity;
    }

    /// <summary>The user (kubeconfig) or service account (in-cluster) and context the requests are made as.</summary>
    public ClusterIdentity Identity { get; }

    /// <summary>An explicit kubeconfig (and context), else the default kubeconfig, else the in-cluster service account.</summary>
    public static KubernetesCluster Connect(string? kubeconfig, string? context)
    {
        var (client, identity) = KubernetesConnection.Create(kubeconfig, context);
        return new KubernetesCluster(client, identity);
    }

    /// <summary>A canary Deployment and its stable twin.</summary>
    public Task<TargetStatus> ReadDeploymentAsync(string ns, string canary, string stable, CancellationToken ct) =>
        new DeploymentReader(client).ReadAsync(ns, canary, stable, ct);

    /// <summary>A KServe InferenceService, serverless or raw.</summary>
    public Task<TargetStatus> ReadInferenceServiceAsync(string ns, string name, CancellationToken ct) =>
        new InferenceServiceReader(client).ReadAsync(ns, name, ct);

    /// <summary>
    /// Sends one patch made by <see cref="TargetActions"/> and says which fields it changed; throws
    /// <see cref="TargetUnavailableException"/> when it fails. With <paramref name="serverDryRun"/> the patch carries
    /// <c>dryRun=All</c>: the API server validates and admits it and answers with the object as it would be, storing nothing.
    /// </summary>
    public Task<PatchOutcome> ApplyAsync(TargetPatch patch, CancellationToken ct, bool serverDryRun = false) =>
        TargetActions.ApplyAsync(client, patch, serverDryRun, ct);
}
