using Gates.Core;
using Gates.LatencyBench.Tuning;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Tuning;

public class TuningLogTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static TuningRow Row(string change, double rps, double ttft, bool? met = false) =>
        new(Day, change, new Dictionary<string, double> { ["requests_per_second"] = rps, ["ttft_p95_ms"] = ttft, ["error_rate"] = 0 }, met);

    [Fact]
    public void A_new_log_gets_the_header_and_later_rows_only_append()
    {
        using var temp = new TempFolder();
        var path = temp.File("log.md");

        var first = TuningLog.Append(path, Row("baseline", 10, 200), 0.05, 3);
        var before = File.ReadAllText(path);
        var second = TuningLog.Append(path, Row("gpu-memory-utilization 0.9 -> 0.95", 12, 190), 0.05, 3);

        first.Delta.ShouldBe("first row");
        second.Number.ShouldBe(2);
        second.Delta.ShouldBe("req/s +20%");
        var text = File.ReadAllText(path);
        text.ShouldStartWith(before);
        text[before.Length..].ShouldBe("| 2 | 2026-12-03 10:00 | gpu-memory-utilization 0.9 -> 0.95 | — | 12 | — | 190 | — | — | 0 | req/s +20% | missed |\n");
        text.ShouldContain(KeyMetrics.Header);
        Directory.GetFiles(temp.Path).ShouldBe([path]);   // no temporary file left behind
    }

    [Fact]
    public void Changes_that_move_nothing_beyond_noise_say_stop_after_the_patience()
    {
        using var temp = new TempFolder();
        var path = temp.File("log.md");
        TuningLog.Append(path, Row("a", 10, 200), 0.05, 2);
        TuningLog.Append(path, Row("b", 15, 200), 0.05, 2);
        var third = TuningLog.Append(path, Row("c", 15.3, 198), 0.05, 2);
        var fourth = TuningLog.Append(path, Row("d", 15.1, 203), 0.05, 2);

        third.Stop.ShouldBeNull();
        third.Delta.ShouldStartWith("within noise");
        fourth.Stop!.ShouldContain("the last 2 changes moved no key metric beyond ±5%");
    }

    [Fact]
    public void A_met_slo_says_stop_at_once()
    {
        using var temp = new TempFolder();
        TuningLog.Append(temp.File("log.md"), Row("a", 10, 200, met: true), 0.05, 3).Stop!.ShouldContain("SLO is met");
    }

    [Fact]
    public void A_file_whose_table_is_not_the_logs_is_refused_untouched()
    {
        using var temp = new TempFolder();
        var path = temp.Write("log.md", "| date | change |\n|---|---|\n");

        Should.Throw<GateInputException>(() => TuningLog.Append(path, Row("a", 1, 1), 0.05, 3)).Message.ShouldContain("expected '| # | date (UTC) |");
        File.ReadAllText(path).ShouldBe("| date | change |\n|---|---|\n");
    }

    [Fact]
    public void A_row_edited_into_another_shape_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.File("log.md");
        TuningLog.Append(path, Row("a", 1, 1), 0.05, 3);
        File.AppendAllText(path, "| 2 | hand-made |\n");

        Should.Throw<GateInputException>(() => TuningLog.Append(path, Row("b", 1, 1), 0.05, 3)).Message.ShouldContain("edited by hand");
    }
}
