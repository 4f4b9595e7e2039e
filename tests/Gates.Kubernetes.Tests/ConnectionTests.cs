using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gates.Core;
using Gates.Testing;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>Where the connection finds the cluster: a kubeconfig, else the pod's service account.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task In_a_pod_the_service_account_token_ca_and_namespace_come_from_the_standard_paths()
    {
        using var root = new TempFolder();
        var account = Path.Combine(root.Path, ClusterEnvironment.ServiceAccountFolder);
        Directory.CreateDirectory(account);
        File.WriteAllText(Path.Combine(account, "token"), "pod-token\n");
        File.WriteAllText(Path.Combine(account, "namespace"), "ai-production");
        File.WriteAllText(Path.Combine(account, "ca.crt"), SelfSignedPem());
        var environment = Environment(root.Path, ("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443"));

        var config = KubernetesConnection.Configure(null, null, environment);

        config.Host.ShouldBe("https://10.96.0.1:443");
        config.Namespace.ShouldBe("ai-production");
        config.SslCaCerts.ShouldNotBeNull().Count.ShouldBe(1);
        var header = await config.TokenProvider.GetAuthenticationHeaderAsync(CancellationToken.None);
        header.ToString().ShouldBe("Bearer pod-token");
    }

    [Fact]
    public void An_ipv6_service_host_is_bracketed()
    {
        using var root = new TempFolder();
        root.Write(Path.Combine(ClusterEnvironment.ServiceAccountFolder, "token"), "t");

        var config = KubernetesConnection.Configure(null, null, Environment(root.Path, ("KUBERNETES_SERVICE_HOST", "fd00::1"), ("KUBERNETES_SERVICE_PORT", "6443")));

        config.Host.ShouldBe("https://[fd00::1]:6443");
    }

    [Fact]
    public void Without_a_kubeconfig_or_a_pod_the_error_says_that_no_configuration_was_found()
    {
        using var root = new TempFolder();

        var error = Should.Throw<GateInputException>(() => KubernetesConnection.Configure(null, null, Environment(root.Path)));

        error.Message.ShouldStartWith("no Kubernetes configuration found");
    }

    [Fact]
    public void A_service_host_without_a_mounted_token_names_the_missing_file()
    {
        using var root = new TempFolder();

        var error = Should.Throw<GateInputException>(() =>
            KubernetesConnection.Configure(null, null, Environment(root.Path, ("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443"))));

        error.Message.ShouldContain("serviceaccount/token does not exist");
    }

    [Fact]
    public void The_kubeconfig_variable_wins_over_the_pod()
    {
        using var api = new FakeKubernetes();
        using var root = new TempFolder();
        root.Write(Path.Combine(ClusterEnvironment.ServiceAccountFolder, "token"), "t");

        var config = KubernetesConnection.Configure(null, null, Environment(root.Path, ("KUBECONFIG", api.Kubeconfig), ("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443")));

        config.Host.ShouldBe(api.BaseUrl);
        config.AccessToken.ShouldBe(FakeKubernetes.Token);
    }

    private static ClusterEnvironment Environment(string root, params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => v.Name == name).Value, Path.Combine(root, "no-home-kubeconfig"), root);

    private static string SelfSignedPem()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
