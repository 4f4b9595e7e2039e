using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace Gates.Kubernetes;

/// <summary>
/// Connects to the cluster: an explicit kubeconfig (and context), else $KUBECONFIG or ~/.kube/config, else the
/// in-cluster service account (KUBERNETES_SERVICE_HOST/PORT, its token, CA and namespace from the standard paths).
/// </summary>
internal static class KubernetesConnection
{
    public static (IKubernetes Client, ClusterIdentity Identity) Create(string? kubeconfig, string? context)
    {
        var environment = ClusterEnvironment.Process;
        var config = Configure(kubeconfig, context, environment);
        return (new k8s.Kubernetes(config), Identify(kubeconfig, context, environment, config));
    }

    /// <summary>Who a configuration made by <see cref="Configure"/> acts as: the kubeconfig's user, or the pod's service account.</summary>
    public static ClusterIdentity Identify(string? kubeconfig, string? context, ClusterEnvironment environment, KubernetesClientConfiguration config)
    {
        var file = kubeconfig ?? DefaultKubeconfig(environment);
        return file is not null
            ? ClusterIdentity.FromKubeconfig(file, context, config.Host)
            : ClusterIdentity.FromServiceAccountToken(environment.ServiceAccount("token"), config.Host);
    }

    public static KubernetesClientConfiguration Configure(string? kubeconfig, string? context, ClusterEnvironment environment)
    {
        var file = kubeconfig ?? DefaultKubeconfig(environment);
        try
        {
            if (file is not null)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(file, context);
            }
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or ArgumentException)
        {
            throw new Core.GateInputException($"cannot load the Kubernetes configuration from {file}: {e.Message}");
        }

        return context is not null
            ? throw new Core.GateInputException($"--context {context}: no kubeconfig found (give --kubeconfig, set KUBECONFIG or create ~/.kube/config)")
            : InCluster(environment);
    }

    private static string? DefaultKubeconfig(ClusterEnvironment environment)
    {
        var variable = environment.Variable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return variable ?? (File.Exists(environment.HomeKubeconfig) ? environment.HomeKubeconfig : null);
    }

    private static X509Certificate2Collection Certificates(string pem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pem);
        return certificates;
    }

    private static KubernetesClientConfiguration InCluster(ClusterEnvironment environment)
    {
        var host = environment.Variable("KUBERNETES_SERVICE_HOST");
        var port = environment.Variable("KUBERNETES_SERVICE_PORT");
        var token = environment.ServiceAccount("token");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new Core.GateInputException("no Kubernetes configuration found: give --kubeconfig, set KUBECONFIG, create ~/.kube/config, " +
                "or run in a pod with a service account (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)");
        }

        if (!File.Exists(token))
        {
            throw new Core.GateInputException($"in-cluster Kubernetes configuration: KUBERNETES_SERVICE_HOST is set but the service-account token {token} does not exist " +
                "(is automountServiceAccountToken false?)");
        }

        var ca = environment.ServiceAccount("ca.crt");
        var ns = environment.ServiceAccount("namespace");
        var bracketed = System.Net.IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Host = $"https://{bracketed}:{port}",
            TokenProvider = new k8s.Authentication.TokenFileAuth(token),
            SslCaCerts = File.Exists(ca) ? Certificates(ca) : null,
            Namespace = File.Exists(ns) ? File.ReadAllText(ns).Trim() : null,
        };
    }
}
