using Gates.Core;
using Gates.LatencyBench.Import;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Import;

public class ResultsReaderTests
{
    private static string Sample(string name) => RepositoryPaths.Of("samples", "latency", name);

    [Fact]
    public void Reads_vllm_bench_serve_results()
    {
        var r = ResultsReader.Read(Sample("vllm-bench-serve.json"));
        r.Format.ShouldBe("vllm");
        r.Metrics["latency_p95_ms"].ShouldBe(3510.2);
        r.Metrics["latency_p50_ms"].ShouldBe(2761.0);
        r.Metrics["ttft_p99_ms"].ShouldBe(352.3);
        r.Metrics["tpot_mean_ms"].ShouldBe(21.3);
        r.Metrics["itl_p95_ms"].ShouldBe(36.5);
        r.Metrics["requests_per_second"].ShouldBe(7.2231);
        r.Metrics["output_tokens_per_second"].ShouldBe(924.56);
        r.Metrics["goodput_rps"].ShouldBe(6.8583);
        r.Metrics["error_rate"].ShouldBe(0.01);
        r.Successful.ShouldBe(198);
    }

    [Fact]
    public void Reads_legacy_vllm_files_with_the_goodput_typo_and_no_failed_count()
    {
        var r = ResultsReader.Read(Sample("vllm-legacy.json"));
        r.Metrics["ttft_p99_ms"].ShouldBe(2450.9);
        r.Metrics["ttft_p50_ms"].ShouldBe(1102.3);
        r.Metrics["error_rate"].ShouldBe(0.03, 1e-12);
        r.Metrics.ContainsKey("goodput_rps").ShouldBeFalse();   // null in the file: absent, not zero
        r.Metrics.ContainsKey("latency_p95_ms").ShouldBeFalse();
        r.Warnings.ShouldContain(w => w.Contains("num_prompts - completed"));
    }

    [Fact]
    public void Reads_the_last_record_of_append_result_json_lines_unless_told()
    {
        var last = ResultsReader.Read(Sample("vllm-append.jsonl"));
        last.Format.ShouldBe("vllm (jsonl)");
        last.Metrics["latency_p99_ms"].ShouldBe(3880.4);
        last.Warnings.ShouldContain(w => w.Contains("2 results"));
        ResultsReader.Read(Sample("vllm-append.jsonl"), entry: 1).Metrics["latency_p99_ms"].ShouldBe(3402.0);
        Should.Throw<GateInputException>(() => ResultsReader.Read(Sample("vllm-append.jsonl"), entry: 3));
    }

    [Fact]
    public void Reads_genai_perf_with_its_itl_as_tpot()
    {
        var r = ResultsReader.Read(Sample("genai-perf.json"));
        r.Format.ShouldBe("genai-perf");
        r.Metrics["latency_p95_ms"].ShouldBe(3547.9);
        r.Metrics["ttft_p50_ms"].ShouldBe(109.6);
        r.Metrics["tpot_p99_ms"].ShouldBe(32.3);
        r.Metrics.ContainsKey("itl_p99_ms").ShouldBeFalse();
        r.Metrics.ContainsKey("error_rate").ShouldBeFalse();
        r.DescribeMissing("error_rate").ShouldContain("no error count");
    }

    [Fact]
    public void Reads_aiperf_with_errors_and_inter_chunk_latency()
    {
        var r = ResultsReader.Read(Sample("aiperf.json"));
        r.Format.ShouldBe("aiperf");
        r.Metrics["itl_p99_ms"].ShouldBe(57.9);
        r.Metrics["ttft_content_p95_ms"].ShouldBe(255.0);
        r.Metrics["error_rate"].ShouldBe(3.0 / 215, 1e-12);
        r.Metrics["goodput_rps"].ShouldBe(6.63);
    }

    [Fact]
    public void Normalises_units()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ns.json", """{"request_latency":{"unit":"ns","avg":2500000,"p95":3000000},"request_throughput":{"unit":"requests/sec","avg":5}}""");
        var r = ResultsReader.Read(path);
        r.Metrics["latency_p95_ms"].ShouldBe(3);
        r.Metrics["latency_mean_ms"].ShouldBe(2.5);
        var bad = temp.Write("bad.json", """{"request_latency":{"unit":"fortnights","p95":1}}""");
        Should.Throw<GateInputException>(() => ResultsReader.Read(bad)).Message.ShouldContain("fortnights");
    }

    [Fact]
    public void Reads_guidellm_benchmarks_by_entry_with_seconds_made_milliseconds()
    {
        Should.Throw<GateInputException>(() => ResultsReader.Read(Sample("guidellm-benchmarks.json"))).Message.ShouldContain("--entry");
        var r = ResultsReader.Read(Sample("guidellm-benchmarks.json"), entry: 2);
        r.Format.ShouldBe("guidellm");
        r.Metrics["latency_p95_ms"].ShouldBe(3470, 1e-9);
        r.Metrics["latency_p999_ms"].ShouldBe(4000, 1e-9);
        r.Metrics["ttft_p99_ms"].ShouldBe(360);
        r.Metrics["ttft_p1_ms"].ShouldBe(57);
        r.Metrics["tpot_p50_ms"].ShouldBe(21.1);
        r.Metrics["error_rate"].ShouldBe(0.01);
        r.Metrics["requests_per_second"].ShouldBe(6.86, 1e-9);
        ResultsReader.Read(Sample("guidellm-benchmarks.json"), entry: 1).Metrics["error_rate"].ShouldBe(0);
    }

    [Theory]
    [InlineData("k6-summary-export.json", "k6 (summary-export)", 402.7, 0.01)]
    [InlineData("k6-handle-summary.json", "k6 (handleSummary)", 398.4, 0.008)]
    public void Reads_both_k6_summary_shapes(string file, string format, double p95, double errorRate)
    {
        var r = ResultsReader.Read(Sample(file));
        r.Format.ShouldBe(format);
        r.Metrics["latency_p95_ms"].ShouldBe(p95);
        r.Metrics["error_rate"].ShouldBe(errorRate);
        r.Metrics["requests_per_second"].ShouldBe(99.87);
        r.Find("latency_p50_ms")!.Value.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Finds_unmapped_values_by_dotted_path()
    {
        var r = ResultsReader.Read(Sample("k6-summary-export.json"));
        r.Find("metrics.vus.max")!.Value.ShouldBe(20);
        r.Find("ttft_p95_ms")!.Value.ShouldBe(188.6);
    }

    [Fact]
    public void Refuses_unknown_and_broken_files()
    {
        using var temp = new TempFolder();
        Should.Throw<GateInputException>(() => ResultsReader.Read(temp.Write("x.json", """{"hello":1}"""))).Message.ShouldContain("not a results file");
        Should.Throw<GateInputException>(() => ResultsReader.Read(temp.Write("y.json", """{"a":"""))).Message.ShouldContain("invalid JSON");
        Should.Throw<GateInputException>(() => ResultsReader.Read(temp.Write("z.json", ""))).Message.ShouldContain("empty");
        Should.Throw<GateInputException>(() => ResultsReader.Read(temp.File("missing.json")));
    }

    [Fact]
    public void A_baseline_with_several_results_names_the_baseline_entry_flag()
    {
        var baseline = ResultsReader.Read(Sample("vllm-append.jsonl"), entryFlag: "--baseline-entry");

        baseline.Warnings.ShouldContain(w => w.Contains("choose with --baseline-entry", StringComparison.Ordinal));
        Should.Throw<GateInputException>(() => ResultsReader.Read(Sample("vllm-append.jsonl"), 3, "--baseline-entry"))
            .Message.ShouldContain("--baseline-entry 3 is outside 1..2");
    }
}
