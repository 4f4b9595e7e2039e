using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Http;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Kubeflow.Tests;

public class KubeflowRegistryClientTests
{
    private static readonly RetryPolicy Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(2) };

    private static HttpClient Http() => new HttpServices { Delay = (_, _) => Task.CompletedTask }.Client(Retry, TimeProvider.System);

    private static FakeKubeflowRegistry Registry(string? token = null, string? readOnlyToken = null)
    {
        var registry = new FakeKubeflowRegistry(token, readOnlyToken);
        registry.AddVersion("fraud", "v3", "s3://models/fraud/3");
        registry.AddVersion("fraud", "v5", "s3://models/fraud/5", new Dictionary<string, string> { ["training_run_id"] = "kfp-run-12" });
        return registry;
    }

    [Fact]
    public async Task A_model_and_version_resolve_to_the_model_artifact_uri()
    {
        using var registry = Registry();
        using var http = Http();

        var resolved = await new KubeflowRegistryClient(http, registry.Url, null).ResolveAsync("fraud", "v5", default);

        resolved.Uri.ShouldBe("s3://models/fraud/5");
        resolved.Version.Strings["training_run_id"].ShouldBe("kfp-run-12");
        registry.Requests.Select(r => r.RawPath).ShouldBe([
            "/api/model_registry/v1alpha3/registered_model",
            "/api/model_registry/v1alpha3/model_version",
            $"/api/model_registry/v1alpha3/model_versions/{resolved.Version.Id}/artifacts",
        ]);
        registry.Requests[1].Query["parentResourceId"].ShouldBe(resolved.Model.Id);
    }

    [Fact]
    public async Task Custom_properties_are_merged_into_what_was_read_because_a_patch_replaces_the_map()
    {
        using var registry = Registry();
        using var http = Http();
        var client = new KubeflowRegistryClient(http, registry.Url, null);
        var version = (await client.ResolveAsync("fraud", "v5", default)).Version;

        await client.UpdateVersionAsync(version, version.With(new Dictionary<string, string?> { ["gates.approved_by"] = "alice" }), default);

        registry.VersionProperty("fraud", "v5", "gates.approved_by").ShouldBe("alice");
        registry.VersionProperty("fraud", "v5", "training_run_id").ShouldBe("kfp-run-12");
    }

    [Fact]
    public async Task A_missing_model_is_the_registrys_404_named_in_the_message()
    {
        using var registry = Registry();
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new KubeflowRegistryClient(http, registry.Url, null).ResolveAsync("churn", "v1", default));

        error.Message.ShouldContain("registered model 'churn'");
        error.Message.ShouldContain("404 Not Found: no registered models found for name=churn");
        error.Message.ShouldContain(registry.Url.ToString());
    }

    [Fact]
    public async Task A_missing_version_is_404_naming_the_version_and_model()
    {
        using var registry = Registry();
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new KubeflowRegistryClient(http, registry.Url, null).ResolveAsync("fraud", "v9", default));

        error.Message.ShouldContain("version 'v9' of registered model 'fraud'");
        error.Message.ShouldContain("no model versions found for name=v9");
    }

    [Fact]
    public async Task A_missing_token_is_401_naming_the_variable()
    {
        using var registry = Registry(token: "kf-token-secret");
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new KubeflowRegistryClient(http, registry.Url, null).ResolveAsync("fraud", "v5", default));

        error.Message.ShouldContain("401");
        error.Message.ShouldContain("KUBEFLOW_MODEL_REGISTRY_TOKEN");
    }

    [Fact]
    public async Task A_read_only_token_is_403_on_update_and_the_token_is_not_printed()
    {
        using var registry = Registry(token: "kf-token-secret", readOnlyToken: "kf-read-only-token");
        using var http = Http();
        var client = new KubeflowRegistryClient(http, registry.Url, "kf-read-only-token");
        var version = (await client.ResolveAsync("fraud", "v5", default)).Version;

        var error = await Should.ThrowAsync<GateInputException>(() => client.UpdateVersionAsync(version, version.CustomProperties, default));

        error.Message.ShouldContain("403 RBAC: access denied");
        error.Message.ShouldNotContain("kf-read-only-token");
    }

    [Fact]
    public async Task A_409_is_a_registry_conflict()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Json(409, new JsonObject { ["code"] = "Conflict", ["message"] = "duplicate name: conflict" }));
        using var http = Http();

        var error = await Should.ThrowAsync<RegistryConflictException>(() => new KubeflowRegistryClient(http, server.BaseAddress, null).FindModelAsync("fraud", default));

        error.Message.ShouldContain("409 Conflict: duplicate name: conflict");
    }

    [Fact]
    public async Task Server_errors_and_429_are_retried_through_the_shared_handler()
    {
        using var registry = Registry();
        registry.FailNext(FakeResponse.Json(503, new JsonObject { ["code"] = "Service Unavailable", ["message"] = "busy" }));
        registry.FailNext(FakeResponse.Json(429, new JsonObject { ["code"] = "Too Many Requests", ["message"] = "slow down" }));
        using var http = Http();

        var model = await new KubeflowRegistryClient(http, registry.Url, null).FindModelAsync("fraud", default);

        model.Name.ShouldBe("fraud");
        registry.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_fake_refuses_an_unknown_field_as_the_servers_strict_decoder_does()
    {
        using var registry = Registry();
        using var http = new HttpClient();
        var id = registry.AddVersion("fraud", "v6", "s3://models/fraud/6");

        using var response = await http.PatchAsync(new Uri(registry.Url, $"api/model_registry/v1alpha3/model_versions/{id}"),
            new StringContent("""{"aliases": ["champion"]}""", System.Text.Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain("json: unknown field \\u0022aliases\\u0022");
    }
}
