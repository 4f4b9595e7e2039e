using Gates.CanaryValidate.Analysis;
using Gates.Testing.Prometheus;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>Prometheus goes away in the middle of the analysis: the verdict is inconclusive, never promote.</summary>
public sealed class PrometheusStopsMidwayTests
{
    [Fact]
    public async Task Prometheus_stopped_midway_is_inconclusive_with_the_reason()
    {
        await using var server = await PrometheusServer.StartAsync(RealPrometheus.Series());
        var progress = new List<string>();

        var outcome = await ScenarioRunner.RunAsync(server.Url, "idle", arrange: clock => clock.Jumped = at =>
        {
            if (at >= KnativeSeries.From + TimeSpan.FromMinutes(3))
            {
                server.Stop();
            }
        }, progress: progress);

        outcome.Decision.ShouldBe(CanaryDecision.Inconclusive);
        outcome.Reason.ShouldStartWith("metrics unavailable:");
        outcome.DataProblem.ShouldNotBeNull().ShouldContain("did not answer after 2 attempts");
        outcome.Looks.Count.ShouldBe(2);
        server.Running.ShouldBeFalse();
    }
}
