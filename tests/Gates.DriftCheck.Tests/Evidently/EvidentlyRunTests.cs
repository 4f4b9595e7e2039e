using System.Text.Json.Nodes;
using Gates.DriftCheck.Tests.Command;

namespace Gates.DriftCheck.Tests.Evidently;

/// <summary>drift-check with --evidently-config: the config's tests decide the exit code; Evidently-shaped output and summary.</summary>
public class EvidentlyRunTests
{
    private static string[] Args(string current, params string[] more) =>
        ["--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample(current),
         "--evidently-config", DriftCheckHarness.Sample("evidently_config.json"), .. more];

    [Fact]
    public void Failed_tests_of_the_config_fail_the_run_and_passing_ones_pass_it()
    {
        using var h = new DriftCheckHarness();

        var drifted = h.Run(Args("current-drift.csv", "--test-summary"));
        var stable = h.Run(Args("current-ok.csv", "--test-summary"));

        drifted.ExitCode.ShouldBe(1, drifted.Stderr);
        drifted.Stderr.ShouldContain("FAIL [2/2]");
        drifted.Stderr.ShouldContain("FAIL: Value drift for income: Less 0.2: Actual value 0.364 >= 0.2");
        drifted.Stderr.ShouldContain("Some tests failed");
        stable.ExitCode.ShouldBe(0, stable.Stderr);
        stable.Stderr.ShouldContain("SUCCESS [2/2]");
    }

    [Fact]
    public void The_evidently_json_has_the_snapshot_shape_with_metrics_and_tests()
    {
        using var h = new DriftCheckHarness();
        var path = h.Folder.File("snapshot.json");

        h.Run(Args("current-drift.csv", "--evidently-json", path)).ExitCode.ShouldBe(1);

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var metrics = json["metrics"]!.AsArray();
        metrics[0]!["metric_name"]!.GetValue<string>().ShouldBe("DriftedColumnsCount(drift_share=0.5)");
        metrics[0]!["value"]!["count"]!.GetValue<int>().ShouldBe(4);
        metrics.Count.ShouldBe(1 + 8 + 1);
        var income = metrics.Single(m => m!["config"]!["column"]?.GetValue<string>() == "income" && m["config"]!["method"]?.GetValue<string>() == "psi")!;
        income["value"]!.GetValue<double>().ShouldBe(0.3637, 1e-3);
        var tests = json["tests"]!.AsArray();
        tests.Select(t => t!["status"]!.GetValue<string>()).ShouldBe(["FAIL", "FAIL"]);
        tests[0]!["test_config"]!["type"]!.GetValue<string>().ShouldBe("evidently:test_v2:LessThanMetricTest");
        tests[0]!["metric_config"]!["metric"]!.GetValue<string>().ShouldStartWith("DriftedColumnsCount");
    }

    [Fact]
    public void Unsupported_parts_warn_once_and_fail_with_strict()
    {
        using var h = new DriftCheckHarness();
        var config = h.Folder.Write("config.json", """
            {"metrics": [{"type": "evidently:metric_container:DataDriftPreset"}, {"type": "evidently:metric_v2:MissingValueCount", "column": "age"}],
             "descriptors": [{"type": "evidently:descriptor_v2:TextLength", "column_name": "x"}]}
            """);
        string[] args = ["--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-ok.csv"), "--evidently-config", config];

        var lenient = h.Run(args);
        var strict = h.Run([.. args, "--strict"]);

        lenient.Stderr.Split('\n').Count(l => l.Contains("does not run these parts")).ShouldBe(1);
        lenient.Stderr.ShouldContain("descriptors (1); metrics[1]: MissingValueCount");
        lenient.Stderr.ShouldContain("the config has no tests");
        lenient.ExitCode.ShouldBe(0, lenient.Stderr);
        strict.ExitCode.ShouldBe(2);
        strict.Stderr.ShouldContain("(--strict)");
    }

    [Fact]
    public void Include_tests_fails_every_drifted_column_as_evidentlys_value_drift_tests_do()
    {
        using var h = new DriftCheckHarness();
        var config = h.Folder.Write("config.json", """{"metrics": [{"type": "DataDriftPreset", "columns": ["age", "purpose"]}], "include_tests": true}""");

        var run = h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-ok.csv"),
            "--evidently-config", config, "--test-summary");

        run.Stderr.ShouldContain("FAIL [2/3]");
        run.Stderr.ShouldContain("FAIL: Share of Drifted Columns: Less 0.5: Actual value 0.5 >= 0.5");
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("Value Drift for column age");
        run.Stderr.ShouldContain("Value Drift for column purpose");
        run.Stderr.ShouldNotContain("column income");
    }
}
