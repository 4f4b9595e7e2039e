using System.Globalization;
using Gates.Bench.Honesty;
using Gates.Testing;

namespace Gates.Core.Tests.Bench;

/// <summary>The honesty benchmark's code on a tiny configuration: every row is produced and is a share.</summary>
public class HonestyBenchmarkTests
{
    [Fact]
    public void A_tiny_configuration_produces_every_row_as_a_share()
    {
        using var temp = new TempFolder();
        var random = new Random(1);
        var lines = new List<string> { "score,group,flag" };
        for (var i = 0; i < 1200; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{random.NextDouble() * 100:0.###},{"abc"[random.Next(3)]},{random.Next(2)}"));
        }

        var table = temp.Write("table.csv", string.Join('\n', lines));

        var rows = HonestyBenchmark.Rows(HonestyConfig.Tiny(table)).ToList();

        rows.Count.ShouldBe(29);
        rows.ShouldAllBe(r => r.Measured >= 0 && r.Measured <= 1);
        rows.Select(r => r.Tool).Distinct().ShouldBe(["eval-gate", "latency-bench", "drift-check", "canary-validate"], ignoreOrder: true);
        rows[0].Markdown().ShouldStartWith("| eval-gate | pass rate at the boundary, decision: point |");
    }
}
