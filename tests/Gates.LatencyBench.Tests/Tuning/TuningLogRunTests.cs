using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Tuning;

/// <summary>run --tuning-log: one row per run, appended; the stop signal when the SLO is met.</summary>
public class TuningLogRunTests
{
    [Fact]
    public async Task Each_run_appends_one_row_and_a_met_slo_says_stop()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 4, gapMs: 20);
        using var temp = new TempFolder();
        var slo = temp.Write("slo.yaml", "gates:\n  errors:\n    metric: error_rate\n    max: 0\n");
        var strict = temp.Write("strict.yaml", "gates:\n  ttft:\n    metric: ttft_p95_ms\n    max: 0.001\n");
        string[] Run(string change, string sloFile) => ["run", "--url", server.ChatUrl, "--concurrency", "2", "--requests", "6", "--progress", "off",
            "--tuning-log", "tuning.md", "--change", change, "--slo", sloFile, "--report-json", "report.json"];

        var first = await Tool.RunAsync(temp.Path, Run("baseline config", strict));
        var afterFirst = File.ReadAllText(temp.File("tuning.md"));
        var second = await Tool.RunAsync(temp.Path, Run("max-num-seqs 256 -> 512 | test", slo));

        first.ExitCode.ShouldBe(0, first.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        var text = File.ReadAllText(temp.File("tuning.md"));
        text.ShouldStartWith(afterFirst);
        var rows = text.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| #")).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("| 1 |");
        rows[0].ShouldContain("baseline config");
        rows[0].ShouldEndWith("| first row | missed |");
        rows[1].ShouldContain("max-num-seqs 256 -> 512 \\| test");
        rows[1].ShouldEndWith("| met |");
        second.Stderr.ShouldContain("stop: the SLO is met");
        File.ReadAllText(temp.File("report.json")).ShouldContain("\"stop_reason\": \"the SLO is met");
    }

    [Fact]
    public async Task A_file_with_another_table_is_refused_and_left_alone()
    {
        await using var server = await QueueModelServer.StartAsync(slots: 4, gapMs: 5);
        using var temp = new TempFolder();
        var original = "# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        temp.Write("notes.md", original);

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.ChatUrl, "--requests", "2", "--progress", "off", "--tuning-log", "notes.md", "--change", "x");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("where the tuning log's header belongs");
        File.ReadAllText(temp.File("notes.md")).ShouldBe(original);
    }
}
