namespace Gates.Actions.Tests;

/// <summary>
/// latency-bench, drift-check and canary-validate through their actions, against the tools built from source:
/// the tool-specific outputs (results file, HTML and Markdown reports, decision) and the exit codes.
/// </summary>
[Collection(nameof(ToolsJobCollection))]
public class MeasureActionTests(ToolsJob tools)
{
    [Fact]
    public void Drift_check_fails_on_drifted_data_and_keeps_its_html_and_markdown_reports()
    {
        Dictionary<string, string> With(string current) => new()
        {
            ["reference"] = "samples/drift/reference.csv",
            ["current"] = "samples/drift/" + current,
            ["thresholds"] = "samples/drift/thresholds.yaml",
        };

        var drifted = tools.Run("actions/drift-check", With("current-drift.csv"));
        var stable = tools.Run("actions/drift-check", With("current-ok.csv"));

        drifted.ShouldExitWith(1);
        drifted.Output("verdict").ShouldBe("fail");
        File.ReadAllText(drifted.Output("html-report")).ShouldContain("<html", Case.Insensitive);
        File.ReadAllText(drifted.Output("drift-markdown")).ShouldContain("|");
        drifted.Summary.ShouldContain("drift-check");
        stable.ShouldExitWith(0);
        stable.Output("passed").ShouldBe("true");
    }

    [Fact]
    public void Drift_check_takes_the_inputs_of_evidently_report_action_and_failed_tests_fail_the_step()
    {
        tools.Job.Stub("actions/upload-artifact@v4");
        var output = Path.Combine(tools.Job.RunnerTemp, "evidently-run");
        Dictionary<string, string> With(string current) => new()
        {
            ["config_path"] = "samples/drift/evidently_config.json",
            ["input_path"] = "samples/drift/" + current,
            ["reference_path"] = "samples/drift/reference.csv",
            ["output"] = output + "-" + current,
            ["test_summary"] = "true",
            ["upload_artifacts"] = "true",
        };

        var drifted = tools.Run("actions/drift-check", With("current-drift.csv"));
        var stable = tools.Run("actions/drift-check", With("current-ok.csv"));

        drifted.ShouldExitWith(1);
        drifted.Output("exit_code").ShouldBe("1");
        drifted.Step("run").Stderr.ShouldContain("FAIL: Share of Drifted Columns: Less 0.3");
        var shaped = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(drifted.Output("evidently-json")))!;
        drifted.Output("evidently-json").ShouldBe(output + "-current-drift.csv");
        shaped["tests"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()).ShouldContain("FAIL");
        shaped["metrics"]!.AsArray().ShouldContain(m => m!["metric_name"]!.GetValue<string>().StartsWith("ValueDrift(column=income", StringComparison.Ordinal));
        var upload = drifted.Step("upload");
        upload.Outcome.ShouldBe("success");
        upload.Outputs["path"].ShouldContain(drifted.Output("evidently-json"));
        upload.Outputs["path"].ShouldContain(drifted.Output("html-report"));
        stable.ShouldExitWith(0);
        stable.Step("run").Stderr.ShouldContain("SUCCESS [2/2]");
    }

    [Fact]
    public void Drift_check_with_strict_fails_on_parts_of_the_evidently_config_it_does_not_run()
    {
        var config = Path.Combine(tools.Job.RunnerTemp, "evidently-unsupported.json");
        File.WriteAllText(config, """{"metrics": [{"type": "evidently:metric_container:DataDriftPreset"}, {"type": "evidently:metric_v2:ColumnCount"}]}""");
        Dictionary<string, string> With(string strict) => new()
        {
            ["config_path"] = config,
            ["input_path"] = "samples/drift/current-ok.csv",
            ["reference_path"] = "samples/drift/reference.csv",
            ["strict"] = strict,
        };

        var lenient = tools.Run("actions/drift-check", With("false"));
        var strict = tools.Run("actions/drift-check", With("true"));

        lenient.Step("run").Stderr.ShouldContain("metrics[1]: ColumnCount");
        lenient.ExitCode.ShouldBeOneOf([0, 1], lenient.Log);
        strict.ShouldExitWith(2);
        strict.Step("run").Stderr.ShouldContain("--strict");
    }

    [Fact]
    public void Latency_bench_gate_reports_on_an_imported_results_file()
    {
        var run = tools.Run("actions/latency-bench", new Dictionary<string, string>
        {
            ["command"] = "gate",
            ["results"] = "samples/latency/vllm-bench-serve.json",
            ["thresholds"] = "thresholds/latency.yaml",
        });

        // The sample run is slow for the example thresholds (GateCommandTests: exit 1 on the same files).
        run.ExitCode.ShouldBe(1, run.Log);
        run.Output("exit-code").ShouldBe("1");
        run.Output("verdict").ShouldBe("fail");
        File.ReadAllText(run.Output("report-json")).ShouldContain("\"name\": \"latency-bench\"");
        run.Output("results-file").ShouldBe("");
    }

    [Fact]
    public void Latency_bench_run_against_an_endpoint_that_is_down_is_a_runtime_error_exit_3()
    {
        var run = tools.Run("actions/latency-bench", new Dictionary<string, string>
        {
            ["command"] = "run",
            ["url"] = "http://127.0.0.1:9/v1/chat/completions",
            ["requests"] = "3",
            ["api-key"] = "sk-simulated-secret-value",
        });

        run.ShouldExitWith(3);
        run.Output("exit-code").ShouldBe("3");
        run.Log.ShouldNotContain("sk-simulated-secret-value");
    }

    [Fact]
    public void Latency_bench_needs_a_known_command()
    {
        var run = tools.Run("actions/latency-bench", new Dictionary<string, string> { ["command"] = "bench" });

        run.ShouldExitWith(2);
        run.Step("run").Stderr.ShouldContain("not one of run|gate|merge");
    }

    [Fact]
    public void Canary_validate_without_a_target_is_an_input_error_with_no_decision()
    {
        var run = tools.Run("actions/canary-validate", new Dictionary<string, string> { ["namespace"] = "ml" });

        run.ShouldExitWith(2);
        run.Output("decision").ShouldBe("");
        run.Output("verdict").ShouldBe("");
    }
}
