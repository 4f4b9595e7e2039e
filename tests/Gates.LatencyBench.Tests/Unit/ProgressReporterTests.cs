using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Run;
using Microsoft.Extensions.Time.Testing;

namespace Gates.LatencyBench.Tests.Unit;

public class ProgressReporterTests
{
    private static async Task<string> Run(bool live, TimeSpan advance)
    {
        var time = new FakeTimeProvider();
        var measurements = new Measurements(time.TimestampFrequency, null);
        var writer = new StringWriter();
        var synced = TextWriter.Synchronized(writer);
        using var stop = new CancellationTokenSource();
        var reporter = new ProgressReporter(synced, measurements, time, live).RunAsync(time.GetTimestamp(), stop.Token);
        var freq = time.TimestampFrequency;
        measurements.Record(new RequestOutcome { Intended = 0, Sent = 0, End = freq / 10 });                          // 100 ms
        measurements.Record(new RequestOutcome { Intended = 0, Sent = 0, End = freq / 5, Error = ErrorClass.Timeout });
        var interval = live ? 1 : 10;
        for (var s = 0; s < advance.TotalSeconds; s += interval)
        {
            // Advance one interval, then wait (not time) until the reporter has printed for it.
            var before = Printed(synced, writer, live);
            time.Advance(TimeSpan.FromSeconds(interval));
            for (var spins = 0; Printed(synced, writer, live) == before; spins++)
            {
                spins.ShouldBeLessThan(2000, "the reporter printed nothing after the interval elapsed");
                await Task.Delay(5);
            }
        }

        await stop.CancelAsync();
        await reporter;
        return writer.ToString();
    }

    private static int Printed(TextWriter synced, StringWriter writer, bool live)
    {
        lock (synced)
        {
            var text = writer.ToString();
            return live ? text.Count(c => c == '\r') : text.Count(c => c == '\n');
        }
    }

    [Fact]
    public async Task Ci_logs_get_a_plain_line_every_ten_seconds()
    {
        var text = await Run(live: false, TimeSpan.FromSeconds(10));
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        line.ShouldStartWith("latency-bench: [    10s] requests 2  errors 1");
        line.ShouldContain("p95 100.0 ms");
        line.ShouldContain("0.2 req/s");
    }

    [Fact]
    public async Task Terminals_get_one_line_redrawn_in_place()
    {
        var text = await Run(live: true, TimeSpan.FromSeconds(3));
        text.ShouldStartWith("\r[     1s] requests 2");
        text.Count(c => c == '\r').ShouldBe(3);
        text.ShouldEndWith(Environment.NewLine);
    }
}
