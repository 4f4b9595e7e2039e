using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Run;

namespace Gates.LatencyBench.Tests.Unit;

public class SummaryWriterTests
{
    [Theory]
    [InlineData(970, 1000, "12.5 req/s, 97.0 % of 1,000 requests met every SLO (ttft:200,tpot:50)")]
    [InlineData(1000, 1000, "12.5 req/s, 100.0 % of 1,000 requests met every SLO (ttft:200,tpot:50)")]
    [InlineData(1, 1, "12.5 req/s, 100.0 % of 1 request met every SLO (ttft:200,tpot:50)")]
    [InlineData(0, 0, "12.5 req/s, no requests finished (ttft:200,tpot:50)")]
    public void The_goodput_line_gives_the_share_and_the_count_of_requests(long good, long requests, string expected)
    {
        SummaryWriter.GoodputLine(12.5, good, requests, GoodputObjectives.Parse("ttft:200,tpot:50")).ShouldBe(expected);
    }
}
