using k8s;

namespace Gates.Kubernetes;

/// <summary>Connects to the cluster: an explicit kubeconfig (and context), else the default kubeconfig, else in-cluster.</summary>
internal static class KubernetesConnection
{
    public static IKubernetes Create(string? kubeconfig, string? context)
    {
        try
        {
            var config = kubeconfig is not null
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, context)
                : context is not null
                    ? KubernetesClientConfiguration.BuildConfigFromConfigFile(currentContext: context)
                    : KubernetesClientConfiguration.BuildDefaultConfig();
            return new k8s.Kubernetes(config);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or ArgumentException)
        {
            throw new Core.GateInputException($"cannot load the Kubernetes configuration{(kubeconfig is null ? "" : $" from {kubeconfig}")}: {e.Message}");
        }
    }
}
