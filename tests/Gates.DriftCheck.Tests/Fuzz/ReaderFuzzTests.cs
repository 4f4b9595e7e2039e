using System.Text;
using Gates.DriftCheck.Tests.Command;
using Gates.Testing.Tools;

namespace Gates.DriftCheck.Tests.Fuzz;

/// <summary>
/// Seeded mutations of drift-check's inputs (data files, saved profiles, thresholds): never a crash, invalid bytes
/// and cut profiles are exit 2 naming the file. Small slices of the samples keep every run fast.
/// </summary>
public class ReaderFuzzTests
{
    [Theory]
    [InlineData("current-small.csv", ".csv", 51)]
    [InlineData("current-drift.jsonl", ".jsonl", 52)]
    public void Mutated_current_data_never_crashes(string sample, string extension, int seed)
    {
        using var h = new DriftCheckHarness();
        var reference = Slice(h, "reference.csv", "ref.csv", 200);
        var original = File.ReadAllBytes(Slice(h, sample, "original" + extension, 60));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, seed, 30))
        {
            var name = $"m{i++}{extension}";
            File.WriteAllBytes(h.Folder.File(name), mutation.Bytes);

            var run = h.Run("--reference", reference, "--current", name);

            run.ShouldNotCrash(name, mutation);
            if (mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    [Fact]
    public void Mutated_reference_data_never_crashes()
    {
        using var h = new DriftCheckHarness();
        var current = Slice(h, "current-small.csv", "cur.csv", 60);
        var original = File.ReadAllBytes(Slice(h, "reference.csv", "original.csv", 100));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, 53, 30))
        {
            var name = $"r{i++}.csv";
            File.WriteAllBytes(h.Folder.File(name), mutation.Bytes);

            var run = h.Run("--reference", name, "--current", current);

            run.ShouldNotCrash(name, mutation);
            if (mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    [Fact]
    public void Mutated_saved_profiles_never_crash_and_cut_ones_are_exit_2()
    {
        using var h = new DriftCheckHarness();
        var reference = Slice(h, "reference.csv", "ref.csv", 200);
        var current = Slice(h, "current-small.csv", "cur.csv", 60);
        h.Run("profile", "--reference", reference, "--save-profile", "profile.json").ShouldExit(0);
        var original = File.ReadAllBytes(h.Folder.File("profile.json"));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, 54, 40, Mutations.Truncate, Mutations.FlipByte, Mutations.InvalidUtf8, Mutations.SwapType))
        {
            var name = $"p{i++}.json";
            File.WriteAllBytes(h.Folder.File(name), mutation.Bytes);

            var run = h.Run("--reference", name, "--current", current);

            run.ShouldNotCrash(name, mutation);
            if (mutation.IsTruncation || mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    [Fact]
    public void Mutated_threshold_files_never_crash_and_invalid_bytes_are_exit_2()
    {
        using var h = new DriftCheckHarness();
        var reference = Slice(h, "reference.csv", "ref.csv", 200);
        var current = Slice(h, "current-small.csv", "cur.csv", 60);
        var original = File.ReadAllBytes(DriftCheckHarness.Sample("thresholds.yaml"));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, 55, 40))
        {
            var name = $"t{i++}.yaml";
            File.WriteAllBytes(h.Folder.File(name), mutation.Bytes);

            var run = h.Run("--reference", reference, "--current", current, "-t", name);

            run.ShouldNotCrash(name, mutation);
            if (mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    [Theory]
    [InlineData(56, false)]
    [InlineData(57, true)]
    public void Mutated_Parquet_files_never_crash_and_cut_ones_are_exit_2(int seed, bool asReference)
    {
        using var h = new DriftCheckHarness();
        var csv = Slice(h, "reference.csv", "ref.csv", 200);
        var other = Slice(h, "current-small.csv", "cur.csv", 60);
        Data.ParquetFiles.FromCsv(csv, h.Folder.File("original.parquet"), rowsPerGroup: 50);
        var original = File.ReadAllBytes(h.Folder.File("original.parquet"));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, seed, 40, Mutations.Truncate, Mutations.FlipByte, Mutations.InvalidUtf8))
        {
            var name = $"q{i++}.parquet";
            File.WriteAllBytes(h.Folder.File(name), mutation.Bytes);

            var run = asReference ? h.Run("--reference", name, "--current", other) : h.Run("--reference", csv, "--current", name);

            run.ShouldNotCrash(name, mutation);
            if (mutation.IsTruncation)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }
        }
    }

    /// <summary>The first lines of a sample, written to the run's folder.</summary>
    private static string Slice(DriftCheckHarness h, string sample, string name, int lines) =>
        h.Folder.Write(name, string.Join('\n', File.ReadLines(DriftCheckHarness.Sample(sample), Encoding.UTF8).Take(lines)) + "\n");
}
