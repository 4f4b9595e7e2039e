using System.Text.Json;

namespace Gates.EvalGate.Tests.Command;

/// <summary>
/// Every reader's message names its file once (file:line, never "f.jsonl: f.jsonl:1: …"), reader notes reach the
/// report's warnings, and the report records input paths as they were given.
/// </summary>
public class ReaderMessageTests
{
    private const string ScoreGate = "gates:\n  g:\n    metric: score\n    min: 0.1\n";

    [Theory]
    [InlineData("f.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": \"x\"}\n", "f.jsonl:2: metric 'score'")]
    [InlineData("f.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": \n", "f.jsonl:2: ")]
    [InlineData("f.json", "{\"score\": NaN}", "metric 'score'")]
    [InlineData("lm.json", "{\"results\": {\"arc\": {\"score,none\": \"x\"}}}", "lm.json: ")]
    [InlineData("e.jsonl", "{\"spec\": {}}\n{\"run_id\": 1, \"type\": \"match\", \"data\": {}}\n", "e.jsonl:2: ")]
    [InlineData("p.json", "{\"results\": {\"results\": []}}", "p.json: ")]
    public void A_results_error_names_the_file_once(string name, string content, string expected)
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write(name, content);
        var thresholds = gate.Folder.Write("t.yaml", ScoreGate);

        var run = gate.Run("-r", results, "-t", thresholds).ShouldExit(2);

        run.Stderr.ShouldContain(expected);
        foreach (var line in run.Stderr.Split('\n').Where(l => l.Contains(name, StringComparison.Ordinal)))
        {
            Occurrences(line, name).ShouldBe(1, line);
        }
    }

    [Fact]
    public void A_reader_warning_names_the_file_once()
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write("items.jsonl", "{\"score\": 0.5}\n{\"score\": 0.7}\n{\"other\": 1}\n");
        var thresholds = gate.Folder.Write("t.yaml", ScoreGate);

        gate.Run("-r", results, "-t", thresholds, "--report-json", "r.json").ShouldExit(0);

        var warnings = Warnings(gate.Folder.File("r.json"));
        warnings.ShouldContain(w => w.Contains("items.jsonl: metric 'score': 1 of 3 items have no value for 'score'"));
        warnings.ShouldAllBe(w => Occurrences(w, "items.jsonl") <= 1);
    }

    [Fact]
    public void An_lm_eval_stderr_of_na_reaches_the_report_warnings()
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write("lm.json", """{"results": {"arc": {"alias": "arc", "acc,none": 0.9, "acc_stderr,none": "N/A"}}, "versions": {"arc": 1}}""");
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  arc:\n    metric: arc.acc,none\n    min: 0.5\n");

        gate.Run("-r", results, "-t", thresholds, "--report-json", "r.json").ShouldExit(0)
            .Stderr.ShouldContain("warning: ");

        Warnings(gate.Folder.File("r.json")).ShouldContain(w =>
            w.Contains("lm.json: metric 'arc.acc,none': its stderr is a string (\"N/A\")") && Occurrences(w, "lm.json") == 1);
    }

    [Fact]
    public void An_lm_eval_limit_reaches_the_report_warnings_for_each_gated_metric()
    {
        using var gate = new EvalGateHarness();
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  gsm:\n    metric: gsm8k.exact_match,strict-match\n    min: 0.1\n");

        gate.Run("-r", EvalGateHarness.Fixture("lm-eval-limit.json"), "-t", thresholds, "--report-json", "r.json").ShouldExit(0);

        var warnings = Warnings(gate.Folder.File("r.json"));
        warnings.ShouldContain(w => w.Contains("task 'gsm8k' scored on 100 of 1319 documents (--limit was used)"));
        warnings.ShouldContain(w => w.Contains("metric 'gsm8k.exact_match,strict-match': scored on 100 of 1319 documents"));
    }

    [Fact]
    public void An_openai_evals_run_that_stopped_early_is_a_report_warning()
    {
        using var gate = new EvalGateHarness();
        var results = gate.Folder.Write("e.jsonl",
            "{\"spec\": {\"run_id\": \"r\"}}\n" +
            "{\"run_id\": \"r\", \"event_id\": 0, \"sample_id\": \"s.0\", \"type\": \"match\", \"data\": {\"correct\": true}}\n" +
            "{\"run_id\": \"r\", \"event_id\": 1, \"sample_id\": \"s.1\", \"type\": \"match\", \"data\": {\"correct\": false}}\n");
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  acc:\n    metric: accuracy\n    min: 0.1\n");

        gate.Run("-r", results, "-t", thresholds, "--report-json", "r.json").ShouldExit(0);

        Warnings(gate.Folder.File("r.json")).ShouldContain(w => w.Contains("e.jsonl: no final_report line: the run stopped before it finished"));
    }

    [Fact]
    public void Report_inputs_keep_the_paths_as_given()
    {
        using var gate = new EvalGateHarness();
        gate.Folder.Write("in/results.json", "{\"score\": 0.9}");
        gate.Folder.Write("t.yaml", ScoreGate);

        gate.Run("-r", "in/results.json", "-t", "./t.yaml", "--report-json", "r.json").ShouldExit(0);

        using var report = JsonDocument.Parse(File.ReadAllText(gate.Folder.File("r.json")));
        report.RootElement.GetProperty("inputs")[0].GetProperty("path").GetString().ShouldBe("in/results.json");
        report.RootElement.GetProperty("thresholds").GetProperty("path").GetString().ShouldBe("./t.yaml");
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static List<string> Warnings(string reportPath)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        return [.. report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];
    }
}
