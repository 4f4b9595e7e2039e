namespace Gates.EvalGate.Tests.Command;

/// <summary>
/// Seeded mutations of real result files (truncations and invalid bytes): every one is exit 2 naming the file, never
/// a crash (exit 3, a stack trace) and never a pass. Fixed seeds keep the runs the same.
/// </summary>
public class ReaderFuzzTests
{
    [Theory]
    [InlineData("flat-metrics.json", 11)]
    [InlineData("nested-metrics.json", 12)]
    [InlineData("lm-eval-results.json", 13)]
    [InlineData("promptfoo-results.json", 14)]
    [InlineData("promptfoo-repeat3.json", 15)]
    public void Cut_or_corrupted_json_results_are_exit_2_naming_the_file(string fixture, int seed)
    {
        var original = File.ReadAllBytes(EvalGateHarness.Fixture(fixture));
        var random = new Random(seed);
        using var gate = new EvalGateHarness();
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  g:\n    metric: any_metric\n    min: 0\n    required: false\n");
        for (var i = 0; i < 20; i++)
        {
            var cut = random.Next(1, original.AsSpan().TrimEnd("\n\r "u8).Length);
            var bytes = i % 2 == 0 ? original[..cut] : [.. original[..cut], 0xFF, .. original[cut..]];
            var path = gate.Folder.File($"m{i}.json");
            File.WriteAllBytes(path, bytes);

            var run = gate.Run("-r", path, "-t", thresholds, "--format", "json");

            run.ExitCode.ShouldBe(2, $"mutation {i} (cut at {cut}): {run}");
            run.Stderr.ShouldContain($"m{i}.json", customMessage: run.ToString());
            run.Stderr.ShouldNotContain("internal error");
            run.Stderr.ShouldNotContain("   at ");
        }
    }

    [Theory]
    [InlineData("items.jsonl", 21)]
    [InlineData("openai-evals-match.jsonl", 22)]
    public void Corrupted_line_results_never_crash_and_invalid_bytes_are_exit_2(string fixture, int seed)
    {
        var original = File.ReadAllBytes(EvalGateHarness.Fixture(fixture));
        var random = new Random(seed);
        using var gate = new EvalGateHarness();
        var thresholds = gate.Folder.Write("t.yaml", "gates:\n  g:\n    metric: any_metric\n    min: 0\n    required: false\n");
        for (var i = 0; i < 30; i++)
        {
            var at = random.Next(0, original.Length);
            var bytes = (byte[])original.Clone();
            var invalidUtf8 = i % 3 == 0;
            if (invalidUtf8)
            {
                bytes = [.. original[..at], 0xFF, .. original[at..]];
            }
            else
            {
                bytes[at] = (byte)random.Next(0x20, 0x7F);
            }

            var path = gate.Folder.File($"m{i}.jsonl");
            File.WriteAllBytes(path, bytes);

            var run = gate.Run("-r", path, "-t", thresholds, "--format", "json");

            run.ExitCode.ShouldNotBe(3, run.ToString());
            run.Stderr.ShouldNotContain("internal error");
            run.Stderr.ShouldNotContain("   at ");
            if (invalidUtf8)
            {
                run.ExitCode.ShouldBe(2, run.ToString());
            }

            if (run.ExitCode == 2)
            {
                run.Stderr.ShouldContain($"m{i}.jsonl", customMessage: run.ToString());
            }
        }
    }
}
