using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.ManifestBump.Tests.Promotion;
using Gates.Testing;

namespace Gates.ManifestBump.Tests.Command;

public class LocalModeTests : IDisposable
{
    private readonly TempFolder repo = new();

    public LocalModeTests()
    {
        repo.Write(Scenario.IsvcPath, Scenario.Isvc);
        repo.Write(Scenario.KustomizationPath, Scenario.Kustomization);
    }

    public void Dispose() => repo.Dispose();

    private string Isvc => File.ReadAllText(repo.File(Scenario.IsvcPath));

    [Fact]
    public async Task Edits_one_value_in_place_and_prints_the_diff()
    {
        var run = await ToolRunner.RunAsync(repo.Path, null, "--file", Scenario.IsvcPath, "--select", "kind=InferenceService,name=fraud",
            "--set", "spec.predictor.model.storageUri=s3://models/fraud/v13", "--report-json", "report.json");
        run.ExitCode.ShouldBe(0, run.Stderr);
        Isvc.ShouldBe(Scenario.Isvc.Replace("v12'", "v13'"));
        run.Stdout.ShouldContain("-      storageUri: 's3://models/fraud/v12'  # pinned by manifest-bump\n+      storageUri: 's3://models/fraud/v13'  # pinned by manifest-bump");
        var details = JsonNode.Parse(File.ReadAllText(repo.File("report.json")))!["details"]!["manifest-bump"]!;
        ((string?)details["outcome"]).ShouldBe("changed");
        ((string?)details["changes"]![0]!["old"]).ShouldBe("s3://models/fraud/v12");
    }

    [Fact]
    public async Task Dry_run_prints_the_diff_and_writes_nothing()
    {
        var run = await ToolRunner.RunAsync(repo.Path, null, "--dry-run", "--file", Scenario.IsvcPath, "--field", "canaryTrafficPercent=10");
        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("+    canaryTrafficPercent: 10");
        Isvc.ShouldBe(Scenario.Isvc);
    }

    [Fact]
    public async Task No_change_needed_exits_0_and_says_so()
    {
        var run = await ToolRunner.RunAsync(repo.Path, null, "--file", Scenario.IsvcPath, "--field", "storageUri=s3://models/fraud/v12");
        run.ExitCode.ShouldBe(0);
        run.Stderr.ShouldContain("no change needed");
        Isvc.ShouldBe(Scenario.Isvc);
    }

    [Fact]
    public async Task A_selector_that_matches_nothing_is_exit_2()
    {
        var run = await ToolRunner.RunAsync(repo.Path, null, "--file", Scenario.IsvcPath, "--select", "name=churn", "--field", "storageUri=x");
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("no object matches name=churn");
    }

    [Fact]
    public async Task A_hold_keeps_the_value_and_warns()
    {
        File.WriteAllText(repo.File(Scenario.IsvcPath), Scenario.Isvc.Replace("# pinned by manifest-bump", "# gates:hold (rollback INC-7)"));
        var run = await ToolRunner.RunAsync(repo.Path, null, "--file", Scenario.IsvcPath, "--field", "storageUri=s3://models/fraud/v13");
        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("WARN");
        run.Stderr.ShouldContain("held");
        Isvc.ShouldContain("v12'");
    }

    [Fact]
    public async Task Config_file_with_templates_edits_every_target()
    {
        repo.Write("promote.yaml", $$"""
            model: fraud
            environment: prod
            targets:
              - file: {{Scenario.IsvcPath}}
                select: {kind: InferenceService, name: fraud}
                fields:
                  storageUri: "s3://models/{{"{{model}}"}}/v{{"{{version}}"}}"
              - file: {{Scenario.KustomizationPath}}
                kustomizeImages:
                  - name: registry.example.com/fraud-transformer
                    newTag: "{{"{{version}}"}}"
            """);
        var run = await ToolRunner.RunAsync(repo.Path, null, "--config", "promote.yaml", "--model-version", "13");
        run.ExitCode.ShouldBe(0, run.Stderr);
        Isvc.ShouldBe(Scenario.Isvc.Replace("v12'", "v13'"));
        File.ReadAllText(repo.File(Scenario.KustomizationPath)).ShouldBe(Scenario.Kustomization.Replace("\"12\"", "\"13\""));
    }

    [Fact]
    public async Task A_folder_given_as_the_config_is_a_usage_error_called_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(repo.Path, "promote"));
        var run = await ToolRunner.RunAsync(repo.Path, null, "--config", "promote", "--model-version", "1");
        run.ExitCode.ShouldBe(ExitCodes.UsageError, run.Stderr);
        run.Stderr.ShouldContain("promote: is a folder, not a manifest");
        run.Stderr.ShouldNotContain("Access to the path");
    }

    [Fact]
    public async Task Config_file_problems_are_listed_with_lines()
    {
        repo.Write("bad.yaml", "model: fraud\ntarget:\n  - file: x\n");
        var run = await ToolRunner.RunAsync(repo.Path, null, "--config", "bad.yaml", "--model-version", "1");
        run.ExitCode.ShouldBe(ExitCodes.UsageError);
        run.Stderr.ShouldContain("bad.yaml:2: unknown key 'target'");
        run.Stderr.ShouldContain("'targets' must list at least one file");
    }

    [Fact]
    public async Task Commit_records_trailers_and_evidence()
    {
        Git("init", "--quiet", "-b", "main");
        Git("add", ".");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "initial");
        var evidence = repo.Write("eval-report.json", """{"tool":{"name":"eval-gate","version":"0.1.0"},"verdict":"pass","summary":"3 checks: 3 pass"}""");
        var run = await ToolRunner.RunAsync(repo.Path, null, "--commit", "--model", "fraud", "--model-version", "13", "--evidence", "eval-report.json",
            "--file", Scenario.IsvcPath, "--field", "storageUri=s3://models/fraud/v{{version}}");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var message = Git("log", "-1", "--format=%B");
        message.ShouldStartWith("promote(fraud): 12 → 13");
        message.ShouldContain("Model: fraud\nModel-Version: 13\nPrevious-Version: 12\n");
        message.ShouldContain($"Evidence-Sha256: {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(evidence)))} eval-report.json\nGate-Verdict: eval-gate=pass");
        Git("status", "--porcelain").ShouldNotContain(Scenario.IsvcPath);
    }

    private string Git(params string[] args) => Gates.ManifestBump.Promotion.GitCli.Run(repo.Path, null, args);
}

public class SampleTests : IDisposable
{
    private readonly TempFolder copy = new();

    public SampleTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Of("samples", "manifests"), "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.GetRelativePath(RepositoryPaths.Of("samples", "manifests"), file), File.ReadAllText(file));
        }
    }

    public void Dispose() => copy.Dispose();

    [Fact]
    public async Task The_sample_config_changes_four_values_on_four_lines()
    {
        var before = File.ReadAllText(copy.File("apps/fraud/prod/isvc.yaml"));
        var run = await ToolRunner.RunAsync(copy.Path, null, "--config", "manifest-bump.yaml", "--model-version", "13");
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stderr.ShouldContain("changed 4 value(s) in 2 file(s)");
        var after = File.ReadAllText(copy.File("apps/fraud/prod/isvc.yaml"));
        Yaml.Edits.ChangedLines(before, after).ShouldBe([
            "17:       storageUri: 's3://models/fraud/v12'  # pinned by manifest-bump →       storageUri: 's3://models/fraud/v13'  # pinned by manifest-bump",
            "20:         - --model_version=12 →         - --model_version=13",
            "33:           image: registry.example.com/fraud-explainer:12 # {\"$imagepolicy\": \"ml:fraud-explainer\"} →           image: registry.example.com/fraud-explainer:13 # {\"$imagepolicy\": \"ml:fraud-explainer\"}",
        ]);
        File.ReadAllText(copy.File("apps/fraud/prod/kustomization.yaml")).ShouldContain("    newTag: \"13\"\n");
    }

    [Fact]
    public async Task Helm_values_edit_the_written_key_and_refuse_one_that_comes_from_a_merge_key()
    {
        var ok = await ToolRunner.RunAsync(copy.Path, null, "--file", "apps/churn/values.yaml", "--set", "model.tag=8");
        ok.ExitCode.ShouldBe(0, ok.Stderr);
        File.ReadAllText(copy.File("apps/churn/values.yaml")).ShouldContain("  tag: \"8\"         # manifest-bump: --set model.tag=8\n");
        var refused = await ToolRunner.RunAsync(copy.Path, null, "--file", "apps/churn/values.yaml", "--set", "model.pullPolicy=Always");
        refused.ExitCode.ShouldBe(Gates.Cli.ExitCodes.UsageError);
        refused.Stderr.ShouldContain("merge key");
    }
}
