using System.Text.Json;
using System.Text.RegularExpressions;
using Gates.LatencyBench.Import;
using Gates.Testing;
using Xunit.Abstractions;

namespace Gates.LatencyBench.Tests.Corpus;

/// <summary>Real vLLM benchmark_serving.py results (../shared/corpus/eval-outputs/vllm-bench-serve): every statistic as the file stores it.</summary>
public partial class VllmCorpusTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.Ordinal)
    {
        ["e2el"] = "latency", ["ttft"] = "ttft", ["tpot"] = "tpot", ["itl"] = "itl",
    };

    private IReadOnlyList<string> Files() => SharedCorpus.Files("eval-outputs", "vllm-bench-serve", output);

    [SkippableFact]
    public void Every_latency_statistic_throughput_and_count_is_the_files_own()
    {
        foreach (var file in Files())
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = json.RootElement;
            var results = ResultsReader.Read(file);

            results.Format.ShouldBe("vllm", file);
            var statistics = 0;
            foreach (var key in root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                var match = StatKey().Match(key.Name);
                if (!match.Success || !Families.TryGetValue(match.Groups[2].Value, out var family))
                {
                    continue;
                }

                var stat = match.Groups[1].Value switch
                {
                    "median" => "p50",
                    "std" => "stddev",
                    var s => s,
                };
                results.Metrics[$"{family}_{stat}_ms"].ShouldBe(key.Value.GetDouble(), key.Name);
                statistics++;
            }

            statistics.ShouldBeGreaterThanOrEqualTo(12, file);
            results.Metrics["requests_per_second"].ShouldBe(root.GetProperty("request_throughput").GetDouble());
            results.Metrics["output_tokens_per_second"].ShouldBe(root.GetProperty("output_throughput").GetDouble());
            results.Metrics["duration_s"].ShouldBe(root.GetProperty("duration").GetDouble());
            results.Successful.ShouldBe(root.GetProperty("completed").GetInt64());
            results.Metrics.ContainsKey("goodput_rps").ShouldBeFalse();   // "request_goodput:" is null in both files
            output.WriteLine($"{Path.GetFileName(file)}: {statistics} latency statistics match the file");
        }
    }

    [SkippableFact]
    public void A_gated_mean_gets_the_files_standard_deviation_over_the_completed_requests()
    {
        foreach (var file in Files())
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = json.RootElement;
            var n = root.GetProperty("completed").GetInt64();

            var ttft = ResultsReader.Read(file).Find("ttft_mean_ms")!;

            ttft.Value.ShouldBe(root.GetProperty("mean_ttft_ms").GetDouble());
            ttft.N.ShouldBe(n);
            ttft.StdDev!.Value.ShouldBe(root.GetProperty("std_ttft_ms").GetDouble() * Math.Sqrt((double)n / (n - 1)), 1e-9);
        }
    }

    [SkippableFact]
    public void The_pooled_inter_token_latency_mean_gets_no_standard_deviation()
    {
        foreach (var file in Files())
        {
            ResultsReader.Read(file).Find("itl_mean_ms")!.StdDev.ShouldBeNull(file);
        }
    }

    [SkippableFact]
    public void A_request_rate_of_inf_written_as_a_string_does_not_stop_the_read()
    {
        if (SharedCorpus.Folder("eval-outputs", output) is not { } root)
        {
            return;
        }

        var file = Path.Combine(root, "vllm-bench-serve", "deepseek-v2.5-tp8pp2-qps-inf.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        json.RootElement.GetProperty("request_rate").GetString().ShouldBe("inf");

        var results = ResultsReader.Read(file);

        results.Metrics["ttft_p99_ms"].ShouldBe(json.RootElement.GetProperty("p99_ttft_ms").GetDouble());
        results.Find("request_rate").ShouldBeNull();
    }

    [GeneratedRegex(@"^(mean|median|std|p\d+(?:\.\d+)?)_([a-z0-9]+)_ms$")]
    private static partial Regex StatKey();
}
