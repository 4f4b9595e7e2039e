using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.ManifestBump.Tests.Command;
using Gates.Testing;
using Gates.Testing.Fakes;

namespace Gates.ManifestBump.Tests.Registry;

public sealed class PromoteAliasTests : IDisposable
{
    private readonly TempFolder work = new();
    private readonly FakeMlflow mlflow = new(new() { ["fraud@champion"] = ("3", "s3://models/fraud/3") }, token: "mlf-secret-token");

    public PromoteAliasTests()
    {
        mlflow.AddVersion("fraud", "4", "s3://models/fraud/4");
        mlflow.AddVersion("fraud", "5", "s3://models/fraud/5", new Dictionary<string, string>
        {
            ["training_dataset"] = "s3://data/fraud/2026-11",
            ["training_run_id"] = "9b1c2d",
            ["git_commit_sha"] = "4f2a9e1",
        });
        mlflow.MoveAlias("fraud", "candidate", "5");
    }

    public void Dispose()
    {
        mlflow.Dispose();
        work.Dispose();
    }

    private Dictionary<string, string?> Env() => new()
    {
        ["MLFLOW_TRACKING_URI"] = mlflow.Url.AbsoluteUri,
        ["MLFLOW_TRACKING_TOKEN"] = "mlf-secret-token",
        ["GATES_APPROVED_BY"] = "alice",
        ["GITHUB_SHA"] = "0123abcd",
        ["GITHUB_REPOSITORY"] = "acme/fraud",
        ["GITHUB_RUN_ID"] = "77",
        ["GITHUB_SERVER_URL"] = "https://github.com",
    };

    private Task<Gates.Testing.Tools.RunResult> Run(params string[] args) => ToolRunner.RunAsync(work.Path, Env(), ["promote-alias", .. args]);

    private JsonNode Registry(string report) => JsonNode.Parse(File.ReadAllText(work.File(report)))!["details"]!["manifest-bump"]!["registry"]!;

    [Fact]
    public async Task The_champion_alias_moves_to_the_candidates_version_with_lineage_written_and_read_back()
    {
        var evidence = work.Write("eval-gate-report.json", """{"tool": {"name": "eval-gate"}, "verdict": "pass"}""");

        var run = await Run("--model", "fraud", "--to", "candidate", "--expect-current", "3", "--environment", "prod",
            "--evidence", evidence, "--report-json", "promotion.json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        mlflow.Alias("fraud", "champion").ShouldBe("5");
        var tags = mlflow.VersionTags("fraud", "5");
        tags["gates.git_commit"].ShouldBe("0123abcd");
        tags["gates.pipeline_run_url"].ShouldBe("https://github.com/acme/fraud/actions/runs/77");
        tags["gates.approved_by"].ShouldBe("alice");
        tags["gates.environment"].ShouldBe("prod");
        tags["gates.previous_version"].ShouldBe("3");
        tags["gates.evidence.eval-gate-report.json.sha256"].Length.ShouldBe(64);
        tags.ContainsKey("gates.promoted_at").ShouldBeTrue();
        var registry = Registry("promotion.json");
        registry["before"]!.GetValue<string>().ShouldBe("3");
        registry["after"]!.GetValue<string>().ShouldBe("5");
        registry["tagsWritten"]!["gates.approved_by"]!.GetValue<string>().ShouldBe("alice");
        registry["trainingLineage"]!["training_dataset"]!.GetValue<string>().ShouldBe("s3://data/fraud/2026-11");
        registry["trainingLineage"]!["git_commit_sha"]!.GetValue<string>().ShouldBe("4f2a9e1");
        run.Stderr.ShouldNotContain("mlf-secret-token");
    }

    [Fact]
    public async Task An_alias_that_moved_since_the_gates_ran_is_exit_5_and_nothing_is_written()
    {
        mlflow.MoveAlias("fraud", "champion", "4");

        var run = await Run("--model", "fraud", "--to", "5", "--expect-current", "3");

        run.ExitCode.ShouldBe(ExitCodes.Conflict, run.Stderr);
        run.Stderr.ShouldContain("fraud@champion moved since the gates ran: expected 3, found 4");
        mlflow.Alias("fraud", "champion").ShouldBe("4");
        mlflow.Requests.ShouldNotContain(r => r.Method != "GET");
    }

    [Fact]
    public async Task A_second_writer_moving_the_alias_between_the_write_and_the_read_back_is_detected()
    {
        var posted = false;
        mlflow.BeforeRequest = request =>
        {
            if (request.Method == "POST" && request.Path.EndsWith("/registered-models/alias", StringComparison.Ordinal))
            {
                posted = true;
            }
            else if (posted && request.Method == "GET" && request.Path.EndsWith("/registered-models/get", StringComparison.Ordinal))
            {
                mlflow.MoveAlias("fraud", "champion", "4");
                posted = false;
            }
        };

        var run = await Run("--model", "fraud", "--to", "5", "--expect-current", "3");

        run.ExitCode.ShouldBe(ExitCodes.Conflict, run.Stderr);
        run.Stderr.ShouldContain("another writer moved fraud@champion during this promotion: it now points at version 4");
        mlflow.VersionTags("fraud", "5").ContainsKey("gates.approved_by").ShouldBeFalse();
    }

    [Fact]
    public async Task Another_promotion_writing_between_the_guard_read_and_the_write_is_detected_by_its_mark()
    {
        mlflow.BeforeRequest = request =>
        {
            if (request.Method == "POST" && request.Path.EndsWith("/registered-models/alias", StringComparison.Ordinal) && mlflow.Alias("fraud", "champion") == "3")
            {
                // A concurrent run passed its own guard on version 3 and wrote its mark and alias first.
                mlflow.MoveAlias("fraud", "champion", "4");
                mlflow.SetModelTag("fraud", "gates.alias.champion.writer", "https://ci/other-run 1234");
            }
        };

        var run = await Run("--model", "fraud", "--to", "5", "--expect-current", "3");

        run.ExitCode.ShouldBe(ExitCodes.Conflict, run.Stderr);
        run.Stderr.ShouldContain("last promotion mark: https://ci/other-run 1234");
    }

    [Fact]
    public async Task A_dry_run_reads_the_registry_and_writes_nothing()
    {
        var run = await Run("--model", "fraud", "--to", "candidate", "--dry-run", "--report-json", "plan.json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldContain("dry run: would move fraud@champion version 3 → version 5");
        mlflow.Alias("fraud", "champion").ShouldBe("3");
        mlflow.Requests.ShouldAllBe(r => r.Method == "GET");
        Registry("plan.json")["tagsWritten"]!["gates.previous_version"]!.GetValue<string>().ShouldBe("3");
    }

    [Fact]
    public async Task Rollback_points_the_alias_back_at_the_version_recorded_in_the_report()
    {
        (await Run("--model", "fraud", "--to", "5", "--report-json", "promotion.json")).ExitCode.ShouldBe(0);

        var run = await Run("--rollback-from", "promotion.json", "--report-json", "rollback.json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        mlflow.Alias("fraud", "champion").ShouldBe("3");
        mlflow.VersionTags("fraud", "3")["gates.rollback_of"].ShouldBe("5");
        Registry("rollback.json")["action"]!.GetValue<string>().ShouldBe("rollback");
    }

    [Fact]
    public async Task Rollback_refuses_when_the_alias_moved_after_the_promotion()
    {
        (await Run("--model", "fraud", "--to", "5", "--report-json", "promotion.json")).ExitCode.ShouldBe(0);
        mlflow.MoveAlias("fraud", "champion", "4");

        var run = await Run("--rollback-from", "promotion.json");

        run.ExitCode.ShouldBe(ExitCodes.Conflict);
        mlflow.Alias("fraud", "champion").ShouldBe("4");
    }

    [Fact]
    public async Task A_wrong_token_is_exit_2_naming_the_server_and_the_variables_without_printing_the_token()
    {
        var env = Env();
        env["MLFLOW_TRACKING_TOKEN"] = "wrong-token-1234";

        var run = await ToolRunner.RunAsync(work.Path, env, "promote-alias", "--model", "fraud", "--to", "5");

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("401");
        run.Stderr.ShouldContain("MLFLOW_TRACKING_TOKEN");
        run.Stderr.ShouldContain(mlflow.Url.ToString());
        run.Stderr.ShouldNotContain("wrong-token-1234");
    }

    [Fact]
    public async Task A_version_that_does_not_exist_is_exit_2_naming_model_and_version()
    {
        var run = await Run("--model", "fraud", "--to", "12");

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("Model Version (name=fraud, version=12) not found");
    }

    [Fact]
    public async Task Without_model_and_to_the_usage_error_lists_both()
    {
        var run = await Run();

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("--model is required");
        run.Stderr.ShouldContain("--to is required");
    }
}
