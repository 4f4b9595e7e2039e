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
        api.StoredInferenceService("sklearn-iris")!["spec"]!["predictor"]!["canaryTrafficPercent"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Promoting_a_serverless_inference_service_removes_canary_traffic_percent()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        await cluster.ApplyAsync(TargetActions.Promote(status)!, CancellationToken.None);

        api.Patches.ShouldHaveSingleItem().Body.ShouldBe("""{"spec":{"predictor":{"canaryTrafficPercent":null}}}""");
        var predictor = api.StoredInferenceService("sklearn-iris")!["spec"]!["predictor"]!.AsObject();
        predictor.ContainsKey("canaryTrafficPercent").ShouldBeFalse();
        predictor.ContainsKey("model").ShouldBeTrue();
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
        api.StoredDeployment("mymodel-canary")!["spec"]!["replicas"]!.GetValue<int>().ShouldBe(0);
        api.StoredDeployment("mymodel")!["spec"]!["replicas"]!.GetValue<int>().ShouldNotBe(0);
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
        var before = JsonNode.Parse(FakeKubernetes.Fixture("deployment-stable.json"))!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        var containers = api.StoredDeployment("mymodel")!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        containers.Count.ShouldBe(before.Count);
        var server = containers.Single(c => c!["name"]!.GetValue<string>() == "server")!;
        server["image"]!.GetValue<string>().ShouldBe("registry.example.com/mymodel:2.1.0");
        server["ports"].ShouldNotBeNull("the strategic merge keeps the container's other fields");
    }

    [Fact]
    public async Task Promoting_a_raw_deployment_canary_makes_it_the_predictor_and_removes_the_entry()
    {
        using var api = RawCanary();
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);

        await cluster.ApplyAsync(TargetActions.Promote(status)!, CancellationToken.None);

        api.Patches.ShouldHaveSingleItem().Headers["Content-Type"].ShouldStartWith("application/json-patch+json");
        var spec = api.StoredInferenceService("llama")!["spec"]!;
        spec["canary"]!.AsArray().ShouldBeEmpty();
        spec["predictor"]!["name"]!.GetValue<string>().ShouldBe("v2");
        spec["predictor"]!["model"]!["args"]![0]!.GetValue<string>().ShouldBe("--max-model-len=8192");
        spec["predictor"]!.AsObject().ContainsKey("canaryTrafficPercent").ShouldBeFalse();
    }

    [Fact]
    public async Task Rolling_back_a_raw_deployment_canary_removes_the_entry_and_keeps_the_predictor()
    {
        using var api = RawCanary();
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);
        var before = api.StoredInferenceService("llama")!["spec"]!["predictor"]!;

        await cluster.ApplyAsync(TargetActions.Rollback(status), CancellationToken.None);

        api.Patches.ShouldHaveSingleItem().Body.ShouldBe("""[{"op":"remove","path":"/spec/canary/0"}]""");
        var spec = api.StoredInferenceService("llama")!["spec"]!;
        spec["canary"]!.AsArray().ShouldBeEmpty();
        JsonNode.DeepEquals(spec["predictor"], before).ShouldBeTrue();
    }

    [Fact]
    public async Task The_old_raw_promotion_patch_that_replaced_a_missing_predictor_name_is_rejected_by_the_server()
    {
        using var api = RawCanary();
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);
        var old = TargetActions.Promote(status)! with { Body = """[{"op":"replace","path":"/spec/predictor/name","value":"v2"},{"op":"remove","path":"/spec/canary/0"}]""" };

        var error = await Should.ThrowAsync<TargetUnavailableException>(() => cluster.ApplyAsync(old, CancellationToken.None));

        error.Message.ShouldContain("UnprocessableEntity");
        api.StoredInferenceService("llama")!["spec"]!["canary"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_patch_of_an_object_that_is_gone_fails_with_not_found()
    {
        using var api = RawCanary();
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);
        var patch = TargetActions.Rollback(status) with { Name = "llama-gone" };

        var error = await Should.ThrowAsync<TargetUnavailableException>(() => cluster.ApplyAsync(patch, CancellationToken.None));

        error.Message.ShouldContain("NotFound");
    }

    private static FakeKubernetes RawCanary() => new FakeKubernetes()
        .InferenceService("llama", "isvc-raw-canary.json")
        .Deployment("llama-v2-predictor", "deployment-raw-canary.json")
        .Pods("app=isvc.llama-v2-predictor", "pods-canary-healthy.json");
}
