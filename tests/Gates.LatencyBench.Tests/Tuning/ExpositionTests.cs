using Gates.LatencyBench.ServerMetrics;

namespace Gates.LatencyBench.Tests.Tuning;

public class ExpositionTests
{
    private const string Text = """
        # HELP vllm:num_requests_waiting Number of requests waiting to be processed.
        # TYPE vllm:num_requests_waiting gauge
        vllm:num_requests_waiting{engine="0",model_name="m"} 3.0
        vllm:num_requests_waiting{engine="1",model_name="m"} 2.0
        vllm:gpu_cache_usage_perc{model_name="a \"quoted\" name, with comma"} 0.5 1700000000000
        vllm:time_to_first_token_seconds_bucket{le="0.1",model_name="m"} 1.0
        vllm:time_to_first_token_seconds_bucket{le="0.2",model_name="m"} 3.0
        vllm:time_to_first_token_seconds_bucket{le="+Inf",model_name="m"} 4.0
        not a sample line
        process_open_fds 12
        """;

    [Fact]
    public void Parses_names_labels_escapes_timestamps_and_skips_bad_lines()
    {
        var (samples, skipped) = ExpositionParser.Parse(Text);

        skipped.ShouldBe(1);
        samples.Count.ShouldBe(7);
        samples[2].Labels["model_name"].ShouldBe("a \"quoted\" name, with comma");
        samples[2].Value.ShouldBe(0.5);
        samples[^1].Name.ShouldBe("process_open_fds");
        samples[5].Labels["le"].ShouldBe("+Inf");
    }

    [Fact]
    public void A_gauge_is_summed_over_label_sets_and_a_renamed_series_falls_back()
    {
        var scrape = new Scrape(0, ExpositionParser.Parse(Text).Samples);

        scrape.Sum(VllmNames.Waiting).ShouldBe(5);
        scrape.Sum(VllmNames.KvCacheUsage).ShouldBe(0.5);
        scrape.Sum("vllm:absent").ShouldBeNull();
    }

    [Fact]
    public void Quantiles_interpolate_within_buckets_like_histogram_quantile()
    {
        var buckets = new Scrape(0, ExpositionParser.Parse(Text).Samples).Buckets(VllmNames.Ttft);

        BucketQuantile.Quantile(buckets, 0.25)!.Value.ShouldBe(0.1, 1e-12);   // rank 1: the top of the first bucket
        BucketQuantile.Quantile(buckets, 0.5)!.Value.ShouldBe(0.15, 1e-12);   // rank 2: halfway through (0.1, 0.2]
        BucketQuantile.Quantile(buckets, 0.99)!.Value.ShouldBe(0.2, 1e-12);   // in +Inf: the highest finite bound
    }

    [Fact]
    public void The_run_is_the_difference_between_the_first_and_last_scrapes()
    {
        static Scrape At(double ms, long fast, long slow, double preemptions, double waiting) => new(ms, ExpositionParser.Parse($"""
            vllm:num_requests_waiting{"{"}model_name="m"{"}"} {waiting}
            vllm:num_preemptions_total{"{"}model_name="m"{"}"} {preemptions}
            vllm:time_to_first_token_seconds_bucket{"{"}le="0.05"{"}"} {fast}
            vllm:time_to_first_token_seconds_bucket{"{"}le="0.5"{"}"} {fast + slow}
            vllm:time_to_first_token_seconds_bucket{"{"}le="+Inf"{"}"} {fast + slow}
            vllm:time_to_first_token_seconds_sum {(fast * 0.01) + (slow * 0.3)}
            """).Samples);

        // Before the run the server had served 100 fast requests; the run added 10 slow ones.
        var metrics = ServerSummary.Metrics([At(0, 100, 0, 7, 0), At(1000, 100, 5, 7, 4), At(2000, 100, 10, 9, 1)],
            new Dictionary<string, double> { ["ttft_p50_ms"] = 300 });

        metrics["server_ttft_count"].ShouldBe(10);
        metrics["server_ttft_p50_ms"].ShouldBe(275, 1e-6);
        metrics["server_ttft_mean_ms"].ShouldBe(300, 1e-6);
        metrics["server_preemptions"].ShouldBe(2);
        metrics["server_requests_waiting_max"].ShouldBe(4);
        metrics["ttft_client_minus_server_p50_ms"].ShouldBe(25, 1e-6);
        ServerSummary.Ceilings(metrics).ShouldContain(c => c.StartsWith("2 preemptions"));
    }
}
