using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>Server-side dry runs: each patch sent with dryRun=All is validated and answered, and nothing is stored.</summary>
public sealed class DryRunTests
{
    private const string Ns = "ai-production";

    [Fact]
    public async Task A_server_dry_run_of_a_rollback_reports_the_field_change_and_stores_nothing()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        var outcome = await cluster.ApplyAsync(TargetActions.Rollback(status), CancellationToken.None, serverDryRun: true);

        outcome.ServerDryRun.ShouldBeTrue();
        outcome.Changes.ShouldBe([new FieldChange("spec.predictor.canaryTrafficPercent", "10", "0")]);
        api.DryRunPatches.ShouldHaveSingleItem().Query["dryRun"].ShouldBe("All");
        api.Patches.ShouldBeEmpty();
        api.StoredInferenceService("sklearn-iris")!["spec"]!["predictor"]!["canaryTrafficPercent"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task A_server_dry_run_of_a_deployment_promotion_shows_the_new_image()
    {
        using var api = ReaderTests.Deployments("deployment-canary.json", "pods-canary-healthy.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var status = await cluster.ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None);
        var stableBefore = api.StoredDeployment("mymodel")!.ToJsonString();

        var outcome = await cluster.ApplyAsync(TargetActions.Promote(status)!, CancellationToken.None, serverDryRun: true);

        var change = outcome.Changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("spec.template.spec.containers[0].image");
        change.After.ShouldBe(status.CanaryImage);
        change.Before.ShouldNotBe(status.CanaryImage);
        api.StoredDeployment("mymodel")!.ToJsonString().ShouldBe(stableBefore);
    }

    [Fact]
    public async Task A_patch_the_server_would_reject_fails_in_the_dry_run_with_the_servers_reason()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-canary.json");
        var cluster = KubernetesCluster.Connect(api.Kubeconfig, null);
        var patch = new TargetPatch
        {
            Kind = "InferenceService", Namespace = Ns, Name = "sklearn-iris", PatchType = "merge",
            Body = """{"spec":{"predictor":{"canaryTrafficPercent":"ten"}}}""", Description = "a value of the wrong type",
        };

        var error = await Should.ThrowAsync<TargetUnavailableException>(() => cluster.ApplyAsync(patch, CancellationToken.None, serverDryRun: true));

        error.Message.ShouldContain("server dry run of the patch of inferenceservice ai-production/sklearn-iris failed");
        error.Message.ShouldContain("spec.predictor.canaryTrafficPercent in body must be of type integer");
        api.StoredInferenceService("sklearn-iris")!["spec"]!["predictor"]!["canaryTrafficPercent"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task The_fake_answers_a_dry_run_value_other_than_All_as_the_api_server_does()
    {
        using var api = new FakeKubernetes().Deployment("mymodel", "deployment-stable.json");

        var (code, body) = await PatchAsync(api, "/apis/apps/v1/namespaces/ai-production/deployments/mymodel?dryRun=Server", """{"spec":{"replicas":0}}""");

        code.ShouldBe(422);
        body["reason"]!.GetValue<string>().ShouldBe("Invalid");
        body["message"]!.GetValue<string>().ShouldBe("PatchOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: [\"Server\"]: supported values: \"All\"");
        body["details"]!["causes"]![0]!["field"]!.GetValue<string>().ShouldBe("dryRun");
        api.StoredDeployment("mymodel")!["spec"]!["replicas"]!.GetValue<int>().ShouldNotBe(0);
    }

    [Fact]
    public async Task The_fake_validates_a_dry_run_and_keeps_the_stored_resource_version()
    {
        using var api = new FakeKubernetes().Deployment("mymodel", "deployment-stable.json");
        const string Path = "/apis/apps/v1/namespaces/ai-production/deployments/mymodel?dryRun=All";
        var version = api.StoredDeployment("mymodel")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        var (invalid, problem) = await PatchAsync(api, Path, """{"spec":{"replicas":-1}}""");
        var (valid, answer) = await PatchAsync(api, Path, """{"spec":{"replicas":0}}""");

        invalid.ShouldBe(422);
        problem["message"]!.GetValue<string>().ShouldContain("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
        valid.ShouldBe(200);
        answer["spec"]!["replicas"]!.GetValue<int>().ShouldBe(0);
        answer["metadata"]!["resourceVersion"]!.GetValue<string>().ShouldBe(version);
        api.StoredDeployment("mymodel")!["spec"]!["replicas"]!.GetValue<int>().ShouldNotBe(0);
    }

    [Fact]
    public void Field_changes_list_every_changed_leaf_and_skip_server_bookkeeping()
    {
        var before = JsonNode.Parse("""{"metadata":{"resourceVersion":"1"},"spec":{"a":1,"list":[{"x":"p"}],"gone":true}}""");
        var after = JsonNode.Parse("""{"metadata":{"resourceVersion":"2"},"spec":{"a":2,"list":[{"x":"q"},{"x":"r"}],"new":"v"}}""");

        FieldChange.Between(before, after).Select(c => c.ToString()).ShouldBe([
            "spec.a: 1 → 2",
            "spec.list[0].x: p → q",
            "spec.list[1]: (absent) → {\"x\":\"r\"}",
            "spec.gone: true → (absent)",
            "spec.new: (absent) → v",
        ]);
    }

    private static async Task<(int Code, JsonNode Body)> PatchAsync(FakeKubernetes api, string path, string body)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeKubernetes.Token);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        using var response = await http.PatchAsync(api.BaseUrl + path, content);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
