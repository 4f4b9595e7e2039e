using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>latency-bench gate on the bundled samples of every imported format.</summary>
public class GateCommandTests
{
    private static string Sample(string name) => RepositoryPaths.Of("samples", "latency", name);

    private const string Loose = """
        gates:
          p95:
            metric: latency_p95_ms
            max: 5000
          errors:
            metric: error_rate
            max: 0.05
        """;

    [Theory]
    [InlineData("vllm-bench-serve.json")]
    [InlineData("vllm-append.jsonl")]
    [InlineData("aiperf.json")]
    [InlineData("k6-summary-export.json")]
    [InlineData("k6-handle-summary.json")]
    [InlineData("latency-bench.json")]
    public async Task Gates_every_format_with_the_same_metric_names(string sample)
    {
        using var temp = new TempFolder();
        var result = await Tool.RunAsync(temp.Path, "gate", "--results", Sample(sample), "--thresholds", temp.Write("t.yaml", Loose));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("PASS");
    }

    [Fact]
    public async Task The_example_thresholds_fail_a_slow_vllm_run()
    {
        using var temp = new TempFolder();
        var result = await Tool.RunAsync(temp.Path, "gate", "--results", Sample("vllm-bench-serve.json"), "--thresholds", RepositoryPaths.Of("thresholds", "latency.yaml"),
            "--report-json", "report.json");
        result.ExitCode.ShouldBe(1, result.ToString());
        File.ReadAllText(temp.File("report.json")).ShouldContain("latency_p50_ms");
    }

    [Fact]
    public async Task A_folder_given_as_results_is_exit_2_and_called_a_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "out"));

        var result = await Tool.RunAsync(temp.Path, "gate", "--results", "out", "--thresholds", temp.Write("t.yaml", Loose));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("out: is a folder, not a results file");
        result.Stderr.ShouldNotContain("Access to the path");
    }

    [Fact]
    public async Task A_metric_the_file_lacks_is_exit_2_never_a_pass()
    {
        using var temp = new TempFolder();
        var result = await Tool.RunAsync(temp.Path, "gate", "--results", Sample("genai-perf.json"), "--thresholds", temp.Write("t.yaml", Loose));
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("error_rate");
    }

    [Fact]
    public async Task Baseline_gates_compare_two_files()
    {
        using var temp = new TempFolder();
        var t = temp.Write("t.yaml", "gates:\n  p99:\n    metric: latency_p99_ms\n    delta: relative\n    max: 0.10\n");
        var appended = Sample("vllm-append.jsonl");
        var result = await Tool.RunAsync(temp.Path, "gate", "--results", appended, "--baseline", appended, "--baseline-entry", "1", "--thresholds", t);
        result.ExitCode.ShouldBe(1, result.ToString());   // 3880.4 vs 3402.0 is +14%
        result.Stdout.ShouldContain("3402");
    }

    [Fact]
    public async Task Guidellm_needs_an_entry_when_it_holds_several_benchmarks()
    {
        using var temp = new TempFolder();
        var t = temp.Write("t.yaml", Loose);
        (await Tool.RunAsync(temp.Path, "gate", "--results", Sample("guidellm-benchmarks.json"), "--thresholds", t)).ExitCode.ShouldBe(2);
        (await Tool.RunAsync(temp.Path, "gate", "--results", Sample("guidellm-benchmarks.json"), "--entry", "2", "--thresholds", t)).ExitCode.ShouldBe(0);
    }
}
