using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Http;
using Gates.Testing.Http;

namespace Gates.MLflow.Tests;

public class MlflowClientTests
{
    private static readonly JsonObject Version4 = new() { ["model_version"] = new JsonObject { ["version"] = "4", ["source"] = "models:/m/4" } };

    private static HttpClient Http(List<TimeSpan> waits) => new HttpServices
    {
        Delay = (span, _) =>
        {
            waits.Add(span);
            return Task.CompletedTask;
        },
    }.Client(MlflowClient.Retry, TimeProvider.System);

    private static FakeResponse Busy() => FakeResponse.Json(503, new JsonObject { ["error_code"] = "TEMPORARILY_UNAVAILABLE", ["message"] = "busy" });

    [Fact]
    public async Task Server_errors_are_retried_through_the_shared_handler()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Json(200, Version4.DeepClone()));
        server.FailNext(Busy());
        server.FailNext(Busy());
        var waits = new List<TimeSpan>();
        using var http = Http(waits);

        var resolved = await new MlflowClient(http, new Uri(server.BaseUrl + "/")).ResolveAsync("m", "prod", default);

        resolved.ShouldBe(new MlflowModelVersion("m", "prod", "4", "models:/m/4", null));
        waits.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
        server.Requests[0].Path.ShouldBe("/api/2.0/mlflow/registered-models/alias");
        server.Requests[0].Query["alias"].ShouldBe("prod");
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_are_runtime_errors()
    {
        using var server = new LocalHttpServer(_ => Busy());
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateRuntimeException>(() => new MlflowClient(http, new Uri(server.BaseUrl + "/")).ResolveAsync("m", "prod", default));

        error.Message.ShouldContain("503 TEMPORARILY_UNAVAILABLE busy");
        server.Requests.Count.ShouldBe(MlflowClient.Retry.MaxAttempts);
    }

    [Fact]
    public async Task A_missing_alias_is_an_input_error_and_is_not_retried()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Json(404, new JsonObject { ["error_code"] = "RESOURCE_DOES_NOT_EXIST", ["message"] = "no alias" }));
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, new Uri(server.BaseUrl + "/")).ResolveAsync("m", "prod", default));

        error.Message.ShouldContain("no alias 'prod' on registered model 'm'");
        server.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("fraud@champion", "fraud", "champion")]
    [InlineData("team@fraud@candidate", "team@fraud", "candidate")]
    public void Parses_name_at_alias(string text, string name, string alias) => MlflowClient.ParseAlias(text).ShouldBe((name, alias));

    [Fact]
    public void A_missing_alias_part_is_a_usage_error() => Should.Throw<GateInputException>(() => MlflowClient.ParseAlias("fraud"));
}
