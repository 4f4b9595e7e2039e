using Gates.Core;
using Gates.Http;
using Gates.Testing.Fakes;

namespace Gates.MLflow.Tests;

public class MlflowRegistryTests
{
    private static HttpClient Http() => new HttpServices { Delay = (_, _) => Task.CompletedTask }.Client(MlflowClient.Retry, TimeProvider.System);

    private static FakeMlflow Registry(string? token = null)
    {
        var mlflow = new FakeMlflow(new() { ["fraud@champion"] = ("3", "s3://models/fraud/3") }, token);
        mlflow.AddVersion("fraud", "5", "s3://models/fraud/5", new Dictionary<string, string> { ["training_dataset"] = "s3://data/fraud/2026-11", ["training_run_id"] = "r-77", ["git_commit_sha"] = "abc123" });
        return mlflow;
    }

    [Fact]
    public async Task An_alias_set_on_the_server_reads_back_from_the_registered_model()
    {
        using var mlflow = Registry();
        using var http = Http();
        var registry = new MlflowRegistry(http, mlflow.Url);

        await registry.SetAliasAsync("fraud", "champion", "5", default);
        var model = await registry.GetModelAsync("fraud", default);

        model.Aliases["champion"].ShouldBe("5");
        mlflow.Alias("fraud", "champion").ShouldBe("5");
        var post = mlflow.Requests.Single(r => r.Method == "POST");
        post.Path.ShouldBe("/api/2.0/mlflow/registered-models/alias");
        post.Json!["version"]!.GetValue<string>().ShouldBe("5");
    }

    [Fact]
    public async Task Version_tags_are_written_and_read_back_with_the_training_lineage()
    {
        using var mlflow = Registry();
        using var http = Http();
        var registry = new MlflowRegistry(http, mlflow.Url);

        await registry.SetVersionTagAsync("fraud", "5", "gates.approved_by", "alice", default);
        var version = await registry.GetVersionAsync("fraud", "5", default);

        version.Tags["gates.approved_by"].ShouldBe("alice");
        version.Tags["training_run_id"].ShouldBe("r-77");
        version.Source.ShouldBe("s3://models/fraud/5");
    }

    [Fact]
    public async Task Deleting_an_alias_removes_it_and_the_alias_lookup_then_answers_as_mlflow_does()
    {
        using var mlflow = Registry();
        using var http = Http();

        await new MlflowRegistry(http, mlflow.Url).DeleteAliasAsync("fraud", "champion", default);

        mlflow.Alias("fraud", "champion").ShouldBeNull();
        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowClient(http, mlflow.Url).ResolveAsync("fraud", "champion", default));
        error.Message.ShouldContain("Registered model alias champion not found.");
    }

    [Fact]
    public async Task An_alias_on_a_version_that_does_not_exist_is_mlflows_404_named_in_the_message()
    {
        using var mlflow = Registry();
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowRegistry(http, mlflow.Url).SetAliasAsync("fraud", "champion", "9", default));

        error.Message.ShouldContain("set alias fraud@champion → version 9");
        error.Message.ShouldContain("404 RESOURCE_DOES_NOT_EXIST Model Version (name=fraud, version=9) not found");
        error.Message.ShouldContain(mlflow.Url.ToString());
    }

    [Fact]
    public async Task The_reserved_alias_latest_is_refused_by_the_fake_as_by_mlflow()
    {
        using var mlflow = Registry();
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowRegistry(http, mlflow.Url).SetAliasAsync("fraud", "latest", "5", default));

        error.Message.ShouldContain("400 INVALID_PARAMETER_VALUE 'latest' alias name (case insensitive) is reserved.");
    }

    [Fact]
    public async Task A_missing_registered_model_is_404_naming_the_model()
    {
        using var mlflow = Registry();
        using var http = Http();

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowRegistry(http, mlflow.Url).GetModelAsync("churn", default));

        error.Message.ShouldContain("get registered model 'churn'");
        error.Message.ShouldContain("Registered Model with name=churn not found");
    }

    [Fact]
    public async Task A_wrong_token_is_401_with_the_variables_named_and_the_token_never_printed()
    {
        using var mlflow = Registry(token: "right-token");
        using var http = Http();
        MlflowClient.Authorize(http, "wrong-token-value", null, null);

        var error = await Should.ThrowAsync<GateInputException>(() => new MlflowRegistry(http, mlflow.Url, "wrong-token-value").SetAliasAsync("fraud", "champion", "5", default));

        error.Message.ShouldContain("401");
        error.Message.ShouldContain("MLFLOW_TRACKING_TOKEN");
        error.Message.ShouldNotContain("wrong-token-value");
    }

    [Fact]
    public async Task A_server_error_on_set_alias_is_retried_because_setting_an_alias_is_idempotent()
    {
        using var mlflow = Registry();
        mlflow.FailNext(Gates.Testing.Http.FakeResponse.Json(503, new System.Text.Json.Nodes.JsonObject { ["error_code"] = "TEMPORARILY_UNAVAILABLE", ["message"] = "busy" }));
        using var http = Http();

        await new MlflowRegistry(http, mlflow.Url).SetAliasAsync("fraud", "champion", "5", default);

        mlflow.Alias("fraud", "champion").ShouldBe("5");
        mlflow.Requests.Count(r => r.Method == "POST").ShouldBe(2);
    }

    [Fact]
    public async Task A_409_is_a_registry_conflict()
    {
        using var server = new Gates.Testing.Http.LocalHttpServer(_ => Gates.Testing.Http.FakeResponse.Json(409,
            new System.Text.Json.Nodes.JsonObject { ["error_code"] = "RESOURCE_CONFLICT", ["message"] = "busy elsewhere" }));
        using var http = Http();

        var error = await Should.ThrowAsync<RegistryConflictException>(() => new MlflowRegistry(http, server.BaseAddress).SetAliasAsync("fraud", "champion", "5", default));

        error.Message.ShouldContain("fraud@champion");
    }
}
