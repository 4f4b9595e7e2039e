using Gates.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Gates.DriftCheck.Tests.Command;

public class ReadProgressTests
{
    [Fact]
    public void Prints_a_line_at_most_every_interval()
    {
        var time = new FakeTimeProvider();
        var stderr = new StringWriter();
        var env = new GateEnvironment(new StringWriter(), stderr, new Dictionary<string, string?>(), time, "/");
        var report = new ReadProgress(env, TimeSpan.FromSeconds(5)).For("/data/current.csv");

        report(65_536);
        time.Advance(TimeSpan.FromSeconds(6));
        report(131_072);
        time.Advance(TimeSpan.FromSeconds(2));
        report(196_608);
        time.Advance(TimeSpan.FromSeconds(4));
        report(262_144);

        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "drift-check: reading current.csv: 131,072 rows (6 s)",
            "drift-check: reading current.csv: 262,144 rows (12 s)",
        ]);
    }
}
