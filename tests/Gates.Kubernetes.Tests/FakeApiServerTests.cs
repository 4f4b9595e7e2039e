using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>
/// The fake API server refuses what the real one refuses, with the real status codes and Status bodies, so a
/// client bug that the cluster would reject fails a test.
/// </summary>
public sealed class FakeApiServerTests
{
    private const string Deployment = "/apis/apps/v1/namespaces/ai-production/deployments/mymodel";
    private const string Isvc = "/apis/serving.kserve.io/v1beta1/namespaces/ai-production/inferenceservices/llama";

    [Fact]
    public async Task A_request_without_the_bearer_token_is_unauthorized()
    {
        using var api = Api();
        using var http = new HttpClient();

        var (code, body) = await SendAsync(http, api, HttpMethod.Get, Deployment);

        code.ShouldBe(401);
        body["kind"]!.GetValue<string>().ShouldBe("Status");
        body["reason"]!.GetValue<string>().ShouldBe("Unauthorized");
    }

    [Fact]
    public async Task An_unknown_object_is_not_found_with_a_status_body()
    {
        using var api = Api();

        var (code, body) = await SendAsync(Client(), api, HttpMethod.Get, Deployment + "-missing");

        code.ShouldBe(404);
        body["reason"]!.GetValue<string>().ShouldBe("NotFound");
        body["message"]!.GetValue<string>().ShouldBe("deployments.apps \"mymodel-missing\" not found");
        body["details"]!["kind"]!.GetValue<string>().ShouldBe("deployments");
    }

    [Fact]
    public async Task A_verb_the_tools_never_send_is_not_allowed()
    {
        using var api = Api();

        var (code, _) = await SendAsync(Client(), api, HttpMethod.Delete, Deployment);

        code.ShouldBe(405);
        api.StoredDeployment("mymodel").ShouldNotBeNull();
    }

    [Fact]
    public async Task Replacing_a_path_the_object_does_not_have_is_unprocessable_and_changes_nothing()
    {
        using var api = Api();

        var (code, body) = await PatchAsync(api, Isvc, "application/json-patch+json", """[{"op":"replace","path":"/spec/predictor/name","value":"v2"}]""");

        code.ShouldBe(422);
        body["reason"]!.GetValue<string>().ShouldBe("Invalid");
        body["details"]!["causes"]![0]!["message"]!.GetValue<string>().ShouldContain("/spec/predictor/name");
        api.StoredInferenceService("llama")!["spec"]!["predictor"]!.AsObject().ContainsKey("name").ShouldBeFalse();
    }

    [Fact]
    public async Task Removing_a_canary_entry_that_is_not_there_is_unprocessable()
    {
        using var api = Api();

        var (code, _) = await PatchAsync(api, Isvc, "application/json-patch+json", """[{"op":"remove","path":"/spec/canary/1"}]""");

        code.ShouldBe(422);
    }

    [Fact]
    public async Task A_failing_test_operation_rejects_the_whole_json_patch()
    {
        using var api = Api();

        var (code, _) = await PatchAsync(api, Isvc, "application/json-patch+json",
            """[{"op":"remove","path":"/spec/canary/0"},{"op":"test","path":"/spec/predictor/canaryTrafficPercent","value":99}]""");

        code.ShouldBe(422);
        api.StoredInferenceService("llama")!["spec"]!["canary"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_strategic_merge_patch_of_a_custom_resource_is_an_unsupported_media_type()
    {
        using var api = Api();

        var (code, body) = await PatchAsync(api, Isvc, "application/strategic-merge-patch+json", """{"spec":{"predictor":{"canaryTrafficPercent":0}}}""");

        code.ShouldBe(415);
        body["reason"]!.GetValue<string>().ShouldBe("UnsupportedMediaType");
    }

    [Fact]
    public async Task A_patch_sent_as_plain_json_is_an_unsupported_media_type()
    {
        using var api = Api();

        var (code, _) = await PatchAsync(api, Deployment, "application/json", """{"spec":{"replicas":0}}""");

        code.ShouldBe(415);
    }

    [Fact]
    public async Task A_patch_carrying_a_stale_resource_version_conflicts()
    {
        using var api = Api();

        var (code, body) = await PatchAsync(api, Deployment, "application/merge-patch+json", """{"metadata":{"resourceVersion":"1"},"spec":{"replicas":0}}""");

        code.ShouldBe(409);
        body["reason"]!.GetValue<string>().ShouldBe("Conflict");
        body["message"]!.GetValue<string>().ShouldContain("the object has been modified");
    }

    [Fact]
    public async Task A_patch_bumps_the_resource_version_so_the_old_one_becomes_stale()
    {
        using var api = Api();
        var version = api.StoredDeployment("mymodel")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        var (first, _) = await PatchAsync(api, Deployment, "application/merge-patch+json", $$$"""{"metadata":{"resourceVersion":"{{{version}}}"},"spec":{"replicas":2}}""");
        var (second, _) = await PatchAsync(api, Deployment, "application/merge-patch+json", $$$"""{"metadata":{"resourceVersion":"{{{version}}}"},"spec":{"replicas":3}}""");

        first.ShouldBe(200);
        second.ShouldBe(409);
        api.StoredDeployment("mymodel")!["spec"]!["replicas"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task A_merge_patch_replaces_lists_where_a_strategic_merge_patch_merges_containers_by_name()
    {
        using var merge = Api();
        using var strategic = Api();
        const string Patch = """{"spec":{"template":{"spec":{"containers":[{"name":"server","image":"x:2"}]}}}}""";

        (await PatchAsync(merge, Deployment, "application/merge-patch+json", Patch)).Code.ShouldBe(200);
        (await PatchAsync(strategic, Deployment, "application/strategic-merge-patch+json", Patch)).Code.ShouldBe(200);

        merge.StoredDeployment("mymodel")!["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Count.ShouldBe(2);
        var merged = strategic.StoredDeployment("mymodel")!["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        merged["image"]!.GetValue<string>().ShouldBe("x:2");
        merged.Count.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task Pods_are_listed_by_a_real_label_selector()
    {
        using var api = Api();
        const string Pods = "/api/v1/namespaces/ai-production/pods?labelSelector=";

        var (_, matching) = await SendAsync(Client(), api, HttpMethod.Get, Pods + Uri.EscapeDataString("app=mymodel,track in (canary,shadow)"));
        var (_, other) = await SendAsync(Client(), api, HttpMethod.Get, Pods + Uri.EscapeDataString("app=mymodel,track!=canary"));
        var (bad, _) = await SendAsync(Client(), api, HttpMethod.Get, Pods + Uri.EscapeDataString("app=(mymodel"));

        matching["items"]!.AsArray().ShouldNotBeEmpty();
        other["items"]!.AsArray().ShouldBeEmpty();
        bad.ShouldBe(400);
    }

    private static FakeKubernetes Api() => new FakeKubernetes()
        .Deployment("mymodel", "deployment-stable.json")
        .InferenceService("llama", "isvc-raw-canary.json")
        .Pods("app=mymodel,track=canary", "pods-canary-healthy.json");

    private static HttpClient Client()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeKubernetes.Token);
        return http;
    }

    private static async Task<(int Code, JsonNode Body)> PatchAsync(FakeKubernetes api, string path, string contentType, string body)
    {
        using var http = Client();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await SendAsync(http, api, HttpMethod.Patch, path, content);
    }

    private static async Task<(int Code, JsonNode Body)> SendAsync(HttpClient http, FakeKubernetes api, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, api.BaseUrl + path) { Content = content };
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
