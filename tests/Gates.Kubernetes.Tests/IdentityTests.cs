using System.Text;
using Gates.Testing;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>The identity the tools say they act as, from the configuration alone and without the credential.</summary>
public sealed class IdentityTests
{
    [Fact]
    public void A_kubeconfig_names_its_user_and_context()
    {
        using var api = new FakeKubernetes();

        var identity = KubernetesCluster.Connect(api.Kubeconfig, null).Identity;

        identity.User.ShouldBe("kubeconfig user ci");
        identity.Context.ShouldBe("fake");
        identity.Server.ShouldBe(api.BaseUrl);
        identity.ToString().ShouldNotContain(FakeKubernetes.Token);
    }

    [Fact]
    public void In_a_pod_the_service_account_is_read_from_the_token_subject()
    {
        using var root = new TempFolder();
        var account = Path.Combine(root.Path, ClusterEnvironment.ServiceAccountFolder);
        Directory.CreateDirectory(account);
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"sub":"system:serviceaccount:ai-production:gates-canary"}""")).TrimEnd('=');
        File.WriteAllText(Path.Combine(account, "token"), $"eyJhbGciOiJSUzI1NiJ9.{payload}.c2lnbmF0dXJl\n");
        var environment = new ClusterEnvironment(
            name => name switch { "KUBERNETES_SERVICE_HOST" => "10.96.0.1", "KUBERNETES_SERVICE_PORT" => "443", _ => null },
            Path.Combine(root.Path, "no-home-kubeconfig"), root.Path);
        var config = KubernetesConnection.Configure(null, null, environment);

        var identity = KubernetesConnection.Identify(null, null, environment, config);

        identity.User.ShouldBe("service account ai-production/gates-canary");
        identity.ToString().ShouldBe("service account ai-production/gates-canary at https://10.96.0.1:443");
        identity.ToString().ShouldNotContain("c2lnbmF0dXJl");
    }
}
