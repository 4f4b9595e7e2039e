using Gates.Core.Results;
using Gates.Testing.Tools;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>
/// Seeded mutations of an input report (truncations, byte flips, invalid UTF-8, deleted lines, swapped types): never
/// a crash, and a cut report or invalid bytes are exit 2 naming the file, never a combined pass.
/// </summary>
public class ReportFuzzTests
{
    [Theory]
    [InlineData(Verdict.Pass, 61)]
    [InlineData(Verdict.Fail, 62)]
    public void Mutated_reports_never_crash_and_cut_ones_are_exit_2(Verdict verdict, int seed)
    {
        using var gate = new GateReportHarness();
        gate.Write("reports/good.json", Report("latency-bench", Verdict.Pass, input: "out/latency.json"));
        var original = File.ReadAllBytes(gate.Write("original.json", Report("eval-gate", verdict)));
        var i = 0;
        foreach (var mutation in Mutations.Of(original, seed, 60))
        {
            var name = $"m{i++}.json";
            File.WriteAllBytes(gate.Folder.File($"reports/{name}"), mutation.Bytes);

            var run = gate.Run("--reports", "reports/good.json", "--reports", $"reports/{name}");

            if (mutation.IsTruncation || mutation.IsInvalidUtf8)
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
