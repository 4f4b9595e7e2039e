using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.ManifestBump.Tests.Command;
using Gates.ManifestBump.Tests.Promotion;
using Gates.Testing;
using Gates.Testing.Fakes;

namespace Gates.ManifestBump.Tests.Registry;

public sealed class KubeflowPromotionTests : IDisposable
{
    private readonly TempFolder work = new();
    private readonly FakeKubeflowRegistry kubeflow = new(token: "kf-secret-token");

    public KubeflowPromotionTests()
    {
        kubeflow.AddVersion("fraud", "v3", "s3://models/fraud/3");
        kubeflow.AddVersion("fraud", "v5", "s3://models/fraud/5", new Dictionary<string, string>
        {
            ["training_dataset"] = "s3://data/fraud/2026-11",
            ["training_run_id"] = "kfp-run-12",
            ["owner"] = "risk-team",
        });
        kubeflow.AddVersion("fraud", "v1", "s3://models/fraud/1", state: "ARCHIVED");
        kubeflow.SetModelProperty("fraud", "gates.alias.champion", "v3");
    }

    public void Dispose()
    {
        kubeflow.Dispose();
        work.Dispose();
    }

    private Dictionary<string, string?> Env() => new()
    {
        ["KUBEFLOW_MODEL_REGISTRY_URL"] = kubeflow.Url.AbsoluteUri,
        ["KUBEFLOW_MODEL_REGISTRY_TOKEN"] = "kf-secret-token",
        ["GATES_APPROVED_BY"] = "bob",
        ["CI_COMMIT_SHA"] = "feedbeef",
        ["CI_PIPELINE_URL"] = "https://gitlab.example.com/ml/fraud/-/pipelines/991",
    };

    private Task<Gates.Testing.Tools.RunResult> Run(params string[] args) => ToolRunner.RunAsync(work.Path, Env(), ["promote-alias", "--registry", "kubeflow", .. args]);

    [Fact]
    public async Task Promotion_is_recorded_in_custom_properties_and_keeps_the_versions_own_properties()
    {
        var run = await Run("--model", "fraud", "--to", "v5", "--expect-current", "v3", "--environment", "prod", "--report-json", "promotion.json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        kubeflow.ModelProperty("fraud", "gates.alias.champion").ShouldBe("v5");
        kubeflow.VersionProperty("fraud", "v5", "gates.approved_by").ShouldBe("bob");
        kubeflow.VersionProperty("fraud", "v5", "gates.pipeline_run_url").ShouldBe("https://gitlab.example.com/ml/fraud/-/pipelines/991");
        kubeflow.VersionProperty("fraud", "v5", "gates.previous_version").ShouldBe("v3");
        kubeflow.VersionProperty("fraud", "v5", "owner").ShouldBe("risk-team");
        var registry = JsonNode.Parse(File.ReadAllText(work.File("promotion.json")))!["details"]!["manifest-bump"]!["registry"]!;
        registry["kind"]!.GetValue<string>().ShouldBe("kubeflow");
        registry["trainingLineage"]!["training_run_id"]!.GetValue<string>().ShouldBe("kfp-run-12");
        kubeflow.Requests.Where(r => r.Method == "PATCH").ShouldAllBe(r => r.Authorization == "Bearer kf-secret-token");
    }

    [Fact]
    public async Task A_champion_that_moved_since_the_gates_ran_is_exit_5()
    {
        kubeflow.SetModelProperty("fraud", "gates.alias.champion", "v4");

        var run = await Run("--model", "fraud", "--to", "v5", "--expect-current", "v3");

        run.ExitCode.ShouldBe(ExitCodes.Conflict);
        kubeflow.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_archived_version_is_not_promoted()
    {
        var run = await Run("--model", "fraud", "--to", "v1");

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("version v1 of 'fraud' is archived");
    }

    [Fact]
    public async Task Rollback_restores_the_previous_version_in_the_custom_property()
    {
        (await Run("--model", "fraud", "--to", "v5", "--report-json", "promotion.json")).ExitCode.ShouldBe(0);

        var run = await ToolRunner.RunAsync(work.Path, Env(), "promote-alias", "--rollback-from", "promotion.json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        kubeflow.ModelProperty("fraud", "gates.alias.champion").ShouldBe("v3");
    }

    [Fact]
    public async Task The_model_artifact_uri_of_a_kubeflow_version_is_pinned_in_the_manifest()
    {
        work.Write(Scenario.IsvcPath, Scenario.Isvc);

        var run = await ToolRunner.RunAsync(work.Path, Env(), "--kubeflow-model", "fraud@v5", "--file", Scenario.IsvcPath, "--field", "storageUri={{source}}");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldContain("Kubeflow Model Registry fraud@v5 is version v5 (s3://models/fraud/5)");
        File.ReadAllText(work.File(Scenario.IsvcPath)).ShouldContain("storageUri: 's3://models/fraud/5'");
    }

    [Fact]
    public async Task A_kubeflow_alias_recorded_by_gates_resolves_to_its_version_for_the_manifest()
    {
        work.Write(Scenario.IsvcPath, Scenario.Isvc);

        var run = await ToolRunner.RunAsync(work.Path, Env(), "--kubeflow-model", "fraud@champion", "--file", Scenario.IsvcPath, "--field", "storageUri={{source}}");

        run.ExitCode.ShouldBe(0, run.Stderr);
        File.ReadAllText(work.File(Scenario.IsvcPath)).ShouldContain("storageUri: 's3://models/fraud/3'");
    }

    [Fact]
    public async Task A_missing_token_is_exit_2_naming_the_variable()
    {
        var env = Env();
        env.Remove("KUBEFLOW_MODEL_REGISTRY_TOKEN");

        var run = await ToolRunner.RunAsync(work.Path, env, "promote-alias", "--registry", "kubeflow", "--model", "fraud", "--to", "v5");

        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("401");
        run.Stderr.ShouldContain("KUBEFLOW_MODEL_REGISTRY_TOKEN");
    }
}
