using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Http;
using Gates.Testing.Fakes;
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
    public async Task A_missing_alias_is_mlflows_400_invalid_parameter_value_and_an_input_error_that_is_not_retried()
    {
        using var mlflow = new FakeMlflow(new() { ["m@champion"] = ("3", "models:/m/3") });
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, mlflow.Url).ResolveAsync("m", "prod", default));

        error.Message.ShouldBe("MLflow has no alias 'prod' on registered model 'm', or no registered model 'm' " +
            "(MLflow answers both with INVALID_PARAMETER_VALUE: Registered model alias prod not found.)");
        mlflow.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_model_gets_the_same_answer_as_a_missing_alias_from_mlflow()
    {
        using var mlflow = new FakeMlflow(new() { ["m@champion"] = ("3", "models:/m/3") });
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, mlflow.Url).ResolveAsync("other", "champion", default));

        error.Message.ShouldStartWith("MLflow has no alias 'champion' on registered model 'other', or no registered model 'other'");
    }

    [Fact]
    public async Task A_store_that_reports_the_missing_model_as_not_found_is_named_as_a_missing_model()
    {
        using var server = new LocalHttpServer(_ => FakeResponse.Json(404, new JsonObject
        {
            ["error_code"] = "RESOURCE_DOES_NOT_EXIST",
            ["message"] = "Registered Model with name=m not found",
        }));
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, server.BaseAddress).ResolveAsync("m", "latest", default));

        error.Message.ShouldBe("MLflow has no registered model 'm' (RESOURCE_DOES_NOT_EXIST: Registered Model with name=m not found)");
    }

    [Fact]
    public async Task A_request_without_the_token_gets_mlflows_401_and_the_message_names_the_variables()
    {
        using var mlflow = new FakeMlflow(new() { ["m@champion"] = ("3", "models:/m/3") }, token: "secret");
        using var http = Http([]);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, mlflow.Url).ResolveAsync("m", "champion", default));

        error.Message.ShouldContain("401");
        error.Message.ShouldContain("You are not authenticated");
        error.Message.ShouldContain("set MLFLOW_TRACKING_TOKEN");
    }

    [Fact]
    public async Task The_fake_refuses_a_request_without_the_name_parameter_as_mlflow_does()
    {
        using var mlflow = new FakeMlflow(new() { ["m@champion"] = ("3", "models:/m/3") });
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(mlflow.Url, "api/2.0/mlflow/registered-models/alias?alias=champion"));

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain("INVALID_PARAMETER_VALUE");
    }

    [Theory]
    [InlineData("fraud@champion", "fraud", "champion")]
    [InlineData("team@fraud@candidate", "team@fraud", "candidate")]
    public void Parses_name_at_alias(string text, string name, string alias) => MlflowClient.ParseAlias(text).ShouldBe((name, alias));

    [Fact]
    public void A_missing_alias_part_is_a_usage_error() => Should.Throw<GateInputException>(() => MlflowClient.ParseAlias("fraud"));
}
