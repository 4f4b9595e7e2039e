using Gates.CanaryValidate.Tests.Command;
using Gates.CanaryValidate.Tests.Scenarios;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Permissions;

namespace Gates.CanaryValidate.Tests.Permissions;

/// <summary>
/// The Roles in workflows-examples/rbac are exact: in every mode each request the tool makes is allowed by the
/// documented Role, and every verb the Role grants is used by some request.
/// </summary>
public sealed class RbacTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    public static TheoryData<string, string, string, string[]> Modes => new()
    {
        { "deployment", "canary-deployment.yaml", "gates-canary-deployment-analysis", [] },
        { "deployment", "canary-deployment.yaml", "gates-canary-deployment-act", ["--act"] },
        { "deployment", "canary-deployment.yaml", "gates-canary-deployment-act", ["--act", "--dry-run=server"] },
        { "serverless", "canary-inferenceservice-serverless.yaml", "gates-canary-isvc-serverless-analysis", [] },
        { "serverless", "canary-inferenceservice-serverless.yaml", "gates-canary-isvc-serverless-act", ["--act"] },
        { "serverless", "canary-inferenceservice-serverless.yaml", "gates-canary-isvc-serverless-act", ["--act", "--dry-run=server"] },
        { "raw", "canary-inferenceservice-raw.yaml", "gates-canary-isvc-raw-analysis", [] },
        { "raw", "canary-inferenceservice-raw.yaml", "gates-canary-isvc-raw-act", ["--act"] },
        { "raw", "canary-inferenceservice-raw.yaml", "gates-canary-isvc-raw-act", ["--act", "--dry-run=server"] },
    };

    private string Url => prometheus.Server.Url.AbsoluteUri;

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Every_request_is_allowed_by_the_documented_role_and_every_grant_is_used(string target, string file, string roleName, string[] mode)
    {
        var role = KubernetesRole.Load(RepositoryPaths.Of("workflows-examples", "rbac", file), roleName);
        using var api = Cluster(target);
        using var run = new CommandRunner();

        var exit = await run.RunAsync([.. Arguments(target), "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", .. mode]);

        exit.ShouldBeOneOf([0, 1], run.Error.ToString());
        var calls = api.Calls;
        calls.Any(c => c.Verb == "patch").ShouldBe(mode.Contains("--act"), string.Join("\n", calls));
        calls.Where(c => !role.Allows(c)).ShouldBeEmpty($"requests the Role {roleName} does not allow");
        role.Unused(calls).ShouldBeEmpty($"grants of {roleName} that no request used: {string.Join("\n", calls)}");
    }

    [Theory]
    [InlineData("canary-deployment.yaml")]
    [InlineData("canary-inferenceservice-serverless.yaml")]
    [InlineData("canary-inferenceservice-raw.yaml")]
    public void Every_binding_is_namespaced_and_binds_a_documented_role(string file)
    {
        var documents = KubernetesRole.Documents(RepositoryPaths.Of("workflows-examples", "rbac", file));
        string? Kind(YamlDotNet.RepresentationModel.YamlMappingNode d) => KubernetesRole.Text(d, "kind");

        documents.Select(Kind).ShouldNotContain("ClusterRole");
        documents.Select(Kind).ShouldNotContain("ClusterRoleBinding");
        var roles = documents.Where(d => Kind(d) == "Role").Select(d => KubernetesRole.Text(KubernetesRole.Map(d, "metadata"), "name")).ToList();
        var binding = documents.Single(d => Kind(d) == "RoleBinding");
        var roleRef = KubernetesRole.Map(binding, "roleRef");
        KubernetesRole.Text(roleRef, "kind").ShouldBe("Role");
        roles.ShouldContain(KubernetesRole.Text(roleRef, "name"));
        documents.Select(d => KubernetesRole.Text(KubernetesRole.Map(d, "metadata"), "namespace")).Distinct().ShouldBe([KnativeSeries.Namespace]);
    }

    private static string[] Arguments(string target) => target switch
    {
        "deployment" => ["--deployment", "mymodel-canary"],
        "serverless" => ["--inference-service", "sklearn-iris"],
        _ => ["--inference-service", "llama", "--template", "vllm"],
    };

    private static FakeKubernetes Cluster(string target) => target switch
    {
        "deployment" => new FakeKubernetes()
            .Deployment("mymodel-canary", "deployment-canary-stuck.json")
            .Deployment("mymodel", "deployment-stable.json")
            .Pods("app=mymodel,track=canary", "pods-canary-crashloop.json"),
        "serverless" => new FakeKubernetes()
            .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
            .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json"),
        _ => new FakeKubernetes()
            .InferenceService("llama", "isvc-raw-canary.json")
            .Deployment("llama-v2-predictor", "deployment-raw-canary.json"),
    };
}
