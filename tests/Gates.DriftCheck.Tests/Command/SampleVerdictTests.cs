using System.Text.Json.Nodes;

namespace Gates.DriftCheck.Tests.Command;

/// <summary>The samples of samples/drift give the verdicts docs/drift-check.md describes.</summary>
public class SampleVerdictTests
{
    private static readonly string Thresholds = DriftCheckHarness.Sample("thresholds.yaml");
    private static readonly string Reference = DriftCheckHarness.Sample("reference.csv");

    [Fact]
    public void The_same_population_passes()
    {
        using var h = new DriftCheckHarness();
        h.Run("--reference", Reference, "--current", DriftCheckHarness.Sample("current-ok.csv"), "-t", Thresholds).ShouldExit(0);
    }

    [Theory]
    [InlineData("current-drift.csv")]
    [InlineData("current-drift.jsonl")]
    public void The_marketing_push_fails_on_the_critical_country_column(string current)
    {
        using var h = new DriftCheckHarness();
        var json = h.Folder.File("report.json");

        h.Run("--reference", Reference, "--current", DriftCheckHarness.Sample(current), "-t", Thresholds, "--report-json", json).ShouldExit(1);

        var report = JsonNode.Parse(File.ReadAllText(json))!;
        report["verdict"]!.GetValue<string>().ShouldBe("fail");
        var checks = report["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["verdict"]!.GetValue<string>());
        checks["country"].ShouldBe("fail");
        checks["no-critical-drift"].ShouldBe("fail");
        checks["income"].ShouldBe("warn");
        checks["age"].ShouldBe("pass");
        checks["channel: new categories"].ShouldBe("warn");
        checks["employment_years: missing rate"].ShouldBe("warn");
        var columns = report["details"]!["drift-check"]!["columns"]!.AsArray();
        columns.Single(c => c!["name"]!.GetValue<string>() == "country")!["effect"]!.GetValue<string>().ShouldBe("country=BR 4% → 26%");
    }

    [Fact]
    public void One_day_of_applications_is_inconclusive_rather_than_a_pass()
    {
        using var h = new DriftCheckHarness();

        var run = h.Run("--reference", Reference, "--current", DriftCheckHarness.Sample("current-small.csv"), "-t", Thresholds).ShouldExit(4);

        run.Stdout.ShouldContain("insufficient data");
    }

    [Fact]
    public void Without_a_thresholds_file_the_Evidently_dataset_rule_decides()
    {
        using var h = new DriftCheckHarness();

        var run = h.Run("--reference", Reference, "--current", DriftCheckHarness.Sample("current-ok.csv")).ShouldExit(0);

        run.Stdout.ShouldContain("dataset drift");
    }

    [Fact]
    public void Evidently_mode_reports_its_own_tests()
    {
        using var h = new DriftCheckHarness();
        var json = h.Folder.File("drift.json");

        h.Run("--reference", Reference, "--current", DriftCheckHarness.Sample("current-drift.csv"), "-t", Thresholds, "--mode", "evidently", "--drift-json", json);

        var details = JsonNode.Parse(File.ReadAllText(json))!;
        details["mode"]!.GetValue<string>().ShouldBe("evidently");
        var methods = details["columns"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["method"]?.GetValue<string>());
        methods["income"].ShouldBe("wasserstein (normed)");
        methods["country"].ShouldBe("jensen-shannon (base e)");
        methods["submitted_at"].ShouldBeNull();
    }
}
