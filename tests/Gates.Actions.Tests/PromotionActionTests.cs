using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>
/// The promotion end of a pipeline through the actions, against the tools built from source: gate-report over
/// two eval-gate reports, and manifest-bump pinning a version into a copy of the sample manifests.
/// </summary>
[Collection(nameof(ToolsJobCollection))]
public class PromotionActionTests(ToolsJob tools)
{
    [Fact]
    public void Gate_report_merges_the_reports_of_earlier_steps_into_one_verdict_and_an_evidence_bundle()
    {
        using var folder = new TempFolder();
        foreach (var (sample, name) in new[] { ("pass.json", "quality"), ("fail.json", "regression") })
        {
            tools.Run("actions/eval-gate", new Dictionary<string, string>
            {
                ["results"] = "samples/eval/" + sample,
                ["thresholds"] = "thresholds/quality.yaml",
                ["report-json"] = folder.File($"reports/{name}.json"),
                ["comment-key"] = name,
            });
        }

        var run = tools.Run("actions/gate-report", new Dictionary<string, string>
        {
            ["reports"] = folder.File("reports") + "/*.json",
            ["subject-model"] = "support-bot",
            ["subject-version"] = "2026.11.3",
        });

        run.ShouldExitWith(1);
        run.Output("verdict").ShouldBe("fail");
        run.Output("exit-code").ShouldBe("1");
        var evidence = File.ReadAllText(run.Output("evidence"));
        evidence.ShouldContain("\"kind\": \"gates-evidence\"");
        evidence.ShouldContain("regression.json");
        run.Summary.ShouldContain("support-bot");
        File.ReadAllText(run.Output("report-markdown")).ShouldBe(run.Summary);
    }

    [Fact]
    public void Gate_report_with_no_matching_report_is_an_input_error()
    {
        using var folder = new TempFolder();

        var run = tools.Run("actions/gate-report", new Dictionary<string, string> { ["reports"] = folder.File("none") + "/*.json" });

        run.ShouldExitWith(2);
        run.Output("evidence").ShouldBe("");
    }

    [Fact]
    public void Manifest_bump_pins_the_version_in_the_working_tree_and_changes_nothing_else()
    {
        using var folder = new TempFolder();
        CopyFolder(RepositoryPaths.Of("samples", "manifests"), folder.Path);
        var isvc = folder.File("apps/fraud/prod/isvc.yaml");
        var before = File.ReadAllLines(isvc);

        var run = tools.Run("actions/manifest-bump", new Dictionary<string, string>
        {
            ["file"] = "apps/fraud/prod/isvc.yaml",
            ["select"] = "kind=InferenceService,name=fraud",
            ["set"] = "spec.predictor.model.storageUri=s3://models/fraud/v13",
            ["model"] = "fraud",
            ["model-version"] = "13",
            ["environment"] = "prod",
            ["working-directory"] = folder.Path,
        });

        run.ShouldExitWith(0);
        run.Output("passed").ShouldBe("true");
        var after = File.ReadAllLines(isvc);
        after.Length.ShouldBe(before.Length);
        var changed = before.Zip(after).Where(p => p.First != p.Second).ToList();
        changed.Count.ShouldBe(1, run.Log);
        changed[0].Second.ShouldContain("s3://models/fraud/v13");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
