namespace Gates.Actions.Tests;

/// <summary>actions/eval-gate run step by step with a simulated runner, against eval-gate built from source.</summary>
[Collection(nameof(ToolsJobCollection))]
public class EvalGateActionTests(ToolsJob tools)
{
    private static Dictionary<string, string> With(string results, string thresholds = "thresholds/quality.yaml", params (string Key, string Value)[] more)
    {
        var with = new Dictionary<string, string> { ["results"] = results, ["thresholds"] = thresholds };
        foreach (var (key, value) in more)
        {
            with[key] = value;
        }

        return with;
    }

    [Fact]
    public void A_passing_gate_exits_0_and_sets_every_output()
    {
        var run = tools.Run("actions/eval-gate", With("samples/eval/pass.json", more: ("subject-model", "support-bot")));

        run.ShouldExitWith(0);
        run.Output("verdict").ShouldBe("pass");
        run.Output("passed").ShouldBe("true");
        run.Output("exit-code").ShouldBe("0");
        run.Output("comment-status").ShouldBe("skipped-no-pr");
        run.Output("comment-url").ShouldBe("");
        File.ReadAllText(run.Output("report-json")).ShouldContain("\"model\": \"support-bot\"");
        File.ReadAllText(run.Output("report-markdown")).ShouldContain("eval-gate");
        run.Summary.ShouldContain("eval-gate: PASS");
        run.Step("run").Stdout.ShouldContain("Overall: PASS");
    }

    [Fact]
    public void The_tool_is_installed_once_per_job_and_the_dotnet_setup_is_skipped_when_an_sdk_is_there()
    {
        tools.Setup.ShouldExitWith(0);
        tools.Setup.Output("mode").ShouldBe("source");
        tools.Setup.Output("path").ShouldBe(Path.Combine(tools.Job.RunnerTemp, "gates", "tools"));
        tools.Job.PathAdditions.ShouldContain(tools.Setup.Output("path"));

        var run = tools.Run("actions/eval-gate", With("samples/eval/pass.json"));

        run.Step("dotnet").Outputs["found"].ShouldBe("true");
        run.Step("actions/setup-dotnet@v6").Outcome.ShouldBe("skipped");
        run.Step("install").Stdout.ShouldContain("already installed");
    }

    [Fact]
    public void A_failing_gate_fails_the_step_with_exit_1_and_still_sets_outputs_and_summary()
    {
        var run = tools.Run("actions/eval-gate", With("samples/eval/fail.json"));

        run.ShouldExitWith(1);
        run.Output("verdict").ShouldBe("fail");
        run.Output("passed").ShouldBe("false");
        run.Output("exit-code").ShouldBe("1");
        File.Exists(run.Output("report-json")).ShouldBeTrue();
        run.Summary.ShouldContain("eval-gate: FAIL");
        run.Step("run").Stderr.ShouldContain("::error");
    }

    [Fact]
    public void Fail_on_warn_turns_a_warning_into_a_failure()
    {
        var passing = tools.Run("actions/eval-gate", With("samples/eval/warn.json"));
        var strict = tools.Run("actions/eval-gate", With("samples/eval/warn.json", more: ("fail-on", "warn")));

        passing.ShouldExitWith(0);
        passing.Output("verdict").ShouldBe("warn");
        strict.ShouldExitWith(1);
        strict.Output("verdict").ShouldBe("warn");
        strict.Output("passed").ShouldBe("false");
    }

    [Fact]
    public void Inconclusive_exits_4_unless_mapped()
    {
        var run = tools.Run("actions/eval-gate", With("samples/eval/safety-small.json", "thresholds/safety.yaml"));
        var mapped = tools.Run("actions/eval-gate", With("samples/eval/safety-small.json", "thresholds/safety.yaml", ("on-inconclusive", "warn")));

        run.ShouldExitWith(4);
        run.Output("verdict").ShouldBe("inconclusive");
        run.Output("exit-code").ShouldBe("4");
        mapped.ShouldExitWith(0);
        mapped.Output("passed").ShouldBe("true");
    }

    [Fact]
    public void Several_results_and_baseline_files_go_one_per_line_and_extra_args_are_passed_as_data()
    {
        using var folder = new Gates.Testing.TempFolder();
        var report = folder.File("nested dir/report.json");
        var run = tools.Run("actions/eval-gate", With(
            "samples/eval/items-candidate.jsonl\n",
            "thresholds/quality-paired.yaml",
            ("baseline", "samples/eval/items-baseline.jsonl"),
            ("report-json", report),
            ("args", "--bootstrap-resamples\n2000\n")));

        run.Output("report-json").ShouldBe(report);
        var json = File.ReadAllText(report);
        json.ShouldContain("items-baseline.jsonl");
        json.ShouldContain("\"role\": \"baseline\"");
        run.Output("exit-code").ShouldBe(run.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        run.Output("verdict").ShouldNotBeEmpty();
    }

    [Fact]
    public void Relative_paths_are_resolved_against_the_working_directory()
    {
        var run = tools.Run("actions/eval-gate", With("eval/pass.json", "../thresholds/quality.yaml", ("working-directory", "samples")));

        run.ShouldExitWith(0);
        run.Output("verdict").ShouldBe("pass");
    }

    [Fact]
    public void A_missing_results_file_is_an_input_error_exit_2_with_no_verdict()
    {
        var run = tools.Run("actions/eval-gate", With("samples/eval/no-such-file.json"));

        run.ShouldExitWith(2);
        run.Output("exit-code").ShouldBe("2");
        run.Output("verdict").ShouldBe("");
        run.Output("report-markdown").ShouldBe("");
        run.Step("run").Stderr.ShouldContain("no-such-file.json");
    }

    [Fact]
    public void Missing_required_inputs_and_bad_words_are_refused_with_exit_2()
    {
        tools.Run("actions/eval-gate", new Dictionary<string, string> { ["thresholds"] = "thresholds/quality.yaml" }).ShouldExitWith(2);
        tools.Run("actions/eval-gate", With("samples/eval/pass.json", more: ("fail-on", "sometimes"))).ShouldExitWith(2);
        tools.Run("actions/eval-gate", With("samples/eval/pass.json", more: ("comment-mode", "sometimes"))).ShouldExitWith(2);
    }

    [Fact]
    public void Input_values_reach_the_tool_as_data_and_are_never_run_by_the_shell()
    {
        using var folder = new Gates.Testing.TempFolder();
        var marker = folder.File("pwned");
        var hostile = $"x.json\"; touch '{marker}'; echo \"$(touch '{marker}')`touch '{marker}'`";

        var run = tools.Run("actions/eval-gate", With(hostile, more: [("subject-model", $"$(touch '{marker}')"), ("args", $"--seed\n$(touch '{marker}')")]));

        run.ExitCode.ShouldBe(2, run.Log);
        File.Exists(marker).ShouldBeFalse();
    }
}
