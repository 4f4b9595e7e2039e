using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Testing.Fakes;
using Gates.Testing.Http;
using Gates.ManifestBump.Registry;

namespace Gates.ManifestBump.Tests.Command;

public class MlflowClientTests
{
    [Fact]
    public async Task Server_errors_are_retried_then_reported_as_runtime_errors()
    {
        var calls = 0;
        using var server = new LocalHttpServer(_ => ++calls < 3
            ? FakeResponse.Json(503, new JsonObject { ["error_code"] = "TEMPORARILY_UNAVAILABLE", ["message"] = "busy" })
            : FakeResponse.Json(200, new JsonObject { ["model_version"] = new JsonObject { ["version"] = "4", ["source"] = "models:/m/4" } }));
        using var http = new HttpClient();
        var resolved = await new MlflowClient(http, server.BaseAddress, attempts: 3, backoff: _ => TimeSpan.Zero).ResolveAsync("m", "prod", default);
        resolved.ShouldBe(new MlflowModelVersion("m", "prod", "4", "models:/m/4", null));

        calls = -10;
        var error = await Should.ThrowAsync<GateRuntimeException>(() => new MlflowClient(http, server.BaseAddress, attempts: 2, backoff: _ => TimeSpan.Zero).ResolveAsync("m", "prod", default));
        error.Message.ShouldContain("503 TEMPORARILY_UNAVAILABLE busy");
    }

    [Theory]
    [InlineData("fraud@champion", "fraud", "champion")]
    [InlineData("team@fraud@candidate", "team@fraud", "candidate")]
    public void Parses_name_at_alias(string text, string name, string alias) => MlflowClient.ParseAlias(text).ShouldBe((name, alias));

    [Fact]
    public void A_missing_alias_part_is_a_usage_error() => Should.Throw<GateInputException>(() => MlflowClient.ParseAlias("fraud"));
}
