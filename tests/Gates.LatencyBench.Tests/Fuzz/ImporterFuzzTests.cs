using Gates.LatencyBench.Tests.Support;
using Gates.LatencyBench.Tests.Unit;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.LatencyBench.Tests.Fuzz;

/// <summary>
/// Seeded mutations of every importer's sample (truncations, byte flips, invalid UTF-8, deleted lines, swapped
/// types): never a crash, and a cut JSON document or invalid bytes are exit 2 naming the file.
/// </summary>
public class ImporterFuzzTests
{
    private const string Thresholds = "gates:\n  g:\n    metric: latency_p95_ms\n    max: 1000000\n    required: false\n";

    [Theory]
    [InlineData("vllm-bench-serve.json", 31)]
    [InlineData("vllm-legacy.json", 32)]
    [InlineData("genai-perf.json", 33)]
    [InlineData("aiperf.json", 34)]
    [InlineData("guidellm-benchmarks.json", 35)]
    [InlineData("k6-handle-summary.json", 36)]
    [InlineData("k6-summary-export.json", 37)]
    [InlineData("latency-bench.json", 38)]
    public async Task Mutated_json_results_never_crash_and_cut_ones_are_exit_2(string sample, int seed)
    {
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", Thresholds);
        var original = File.ReadAllBytes(RepositoryPaths.Of("samples", "latency", sample));
        await EachMutationAsync(temp, original, seed, ".json", m => m.IsTruncation || m.IsInvalidUtf8, name => ["gate", "-r", name, "-t", thresholds]);
    }

    [Fact]
    public async Task Mutated_vllm_json_lines_never_crash_and_invalid_bytes_are_exit_2()
    {
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", Thresholds);
        var original = File.ReadAllBytes(RepositoryPaths.Of("samples", "latency", "vllm-append.jsonl"));
        await EachMutationAsync(temp, original, 39, ".jsonl", m => m.IsInvalidUtf8, name => ["gate", "-r", name, "-t", thresholds]);
    }

    [Fact]
    public async Task Mutated_shard_results_never_crash_the_merge_and_cut_ones_are_exit_2()
    {
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", Thresholds);
        ShardMergeTests.Write(temp, ShardMergeTests.Shard(1, 2, [10, 12, 15], 1, 1_700_000_000_000), "s1");
        var original = File.ReadAllBytes(ShardMergeTests.Write(temp, ShardMergeTests.Shard(2, 2, [20, 25, 30], 0, 1_700_000_000_500), "s2"));
        await EachMutationAsync(temp, original, 40, ".json", m => m.IsTruncation || m.IsInvalidUtf8, name => ["merge", "s1.json", name, "-t", thresholds]);
    }

    [Fact]
    public async Task Mutated_shard_histogram_logs_never_crash_the_merge()
    {
        using var temp = new TempFolder();
        var thresholds = temp.Write("t.yaml", Thresholds);
        ShardMergeTests.Write(temp, ShardMergeTests.Shard(1, 2, [10, 12, 15], 1, 1_700_000_000_000), "s1");
        ShardMergeTests.Write(temp, ShardMergeTests.Shard(2, 2, [20, 25, 30], 0, 1_700_000_000_500), "s2");
        var original = File.ReadAllBytes(temp.File("s2.hlog"));
        foreach (var mutation in Mutations.Of(original, 41, 40, Mutations.Truncate, Mutations.FlipByte, Mutations.InvalidUtf8, Mutations.DeleteLine))
        {
            File.WriteAllBytes(temp.File("s2.hlog"), mutation.Bytes);

            var run = await Tool.RunAsync(temp.Path, new Dictionary<string, string?> { ["GATES_CI"] = "none" }, "merge", "s1.json", "s2.json", "-t", thresholds);

            run.ShouldNotCrash("s2.hlog", mutation);
            if (mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    /// <summary>Runs the tool on each of 40 seeded mutations (its own file each): exit 2 naming the file when
    /// <paramref name="refused"/> says the mutation must be refused, otherwise no crash.</summary>
    private static async Task EachMutationAsync(
        TempFolder temp, byte[] original, int seed, string extension, Func<Mutation, bool> refused, Func<string, string[]> args)
    {
        var i = 0;
        foreach (var mutation in Mutations.Of(original, seed, 40))
        {
            var name = $"m{i++}{extension}";
            File.WriteAllBytes(temp.File(name), mutation.Bytes);

            var run = await Tool.RunAsync(temp.Path, new Dictionary<string, string?> { ["GATES_CI"] = "none" }, args(name));

            if (refused(mutation))
            {
                run.ShouldRefuse(name, mutation);
            }
            else
            {
                run.ShouldNotCrash(name, mutation);
            }
        }
    }
}
