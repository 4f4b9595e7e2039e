using System.Text.Json.Nodes;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>The patches that apply a decision, sent through KubernetesClient to the local API server.</summary>
public sealed class ActionTests
{
    private const string Ns = "ai-production";

    [Fact]
    public async Task Rolling_back_a_serverless_inference_service_sets_canary_traffic_to_zero_with_a_merge_patch()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        var patch = TargetActions.Rollback(status);
        await cluster.ApplyAsync(patch, CancellationToken.None);

        var sent = api.Patches.ShouldHaveSingleItem();
        sent.PathAndQuery.ShouldStartWith("/apis/serving.kserve.io/v1beta1/namespaces/ai-production/inferenceservices/sklearn-iris");
        sent.Headers["Content-Type"].ShouldStartWith("application/merge-patch+json");
        JsonNode.Parse(sent.Body)!["spec"]!["predictor"]!["canaryTrafficPercent"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Promoting_a_serverless_inference_service_removes_canary_traffic_percent()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        await cluster.ApplyAsync(TargetActions.Promote(status)!, CancellationToken.None);

        api.Patches.ShouldHaveSingleItem().Body.ShouldBe("""{"spec":{"predictor":{"canaryTrafficPercent":null}}}""");
    }

    [Fact]
    public async Task Rolling_back_a_deployment_scales_the_canary_to_zero()
    {
        using var api = ReaderTests.Deployments("deployment-canary.json", "pods-canary-healthy.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None);

        await cluster.ApplyAsync(TargetActions.Rollback(status), CancellationToken.None);

        var sent = api.Patches.ShouldHaveSingleItem();
        sent.PathAndQuery.ShouldStartWith("/apis/apps/v1/namespaces/ai-production/deployments/mymodel-canary");
        sent.Body.ShouldBe("""{"spec":{"replicas":0}}""");
    }

    [Fact]
    public async Task Promoting_a_deployment_gives_the_stable_twin_the_canary_image_with_a_strategic_merge_patch()
    {
        using var api = ReaderTests.Deployments("deployment-canary.json", "pods-canary-healthy.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None);

        var patch = TargetActions.Promote(status)!;
        await cluster.ApplyAsync(patch, CancellationToken.None);

        var sent = api.Patches.ShouldHaveSingleItem();
        sent.PathAndQuery.ShouldStartWith("/apis/apps/v1/namespaces/ai-production/deployments/mymodel");
        sent.Headers["Content-Type"].ShouldStartWith("application/strategic-merge-patch+json");
        sent.Body.ShouldContain("\"image\":\"registry.example.com/mymodel:2.1.0\"");
        patch.Description.ShouldBe("set the image of mymodel container server to registry.example.com/mymodel:2.1.0");
    }

    [Fact]
    public async Task Raw_deployment_canaries_are_removed_on_rollback_and_retargeted_on_promotion_with_json_patches()
    {
        using var api = new FakeKubernetes()
            .InferenceService("llama", "isvc-raw-canary.json")
            .Deployment("llama-v2-predictor", "deployment-raw-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);

        TargetActions.Rollback(status).Body.ShouldBe("""[{"op":"remove","path":"/spec/canary/0"}]""");
        var promote = TargetActions.Promote(status)!;
        await cluster.ApplyAsync(promote, CancellationToken.None);

        var sent = api.Patches.ShouldHaveSingleItem();
        sent.Headers["Content-Type"].ShouldStartWith("application/json-patch+json");
        sent.Body.ShouldBe("""[{"op":"replace","path":"/spec/predictor/name","value":"v2"},{"op":"remove","path":"/spec/canary/0"}]""");
    }
}
