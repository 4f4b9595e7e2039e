using Gates.Core;
using Gates.LatencyBench.Tuning;

namespace Gates.LatencyBench.Tests.Tuning;

public class SweepPlanTests
{
    [Theory]
    [InlineData("concurrency:1,2,4,8", "1,2,4,8")]
    [InlineData("concurrency:1..64*2", "1,2,4,8,16,32,64")]
    [InlineData("rate:5..20+5", "5,10,15,20")]
    [InlineData("rate:0.5,1.5", "0.5,1.5")]
    public void Lists_and_ramps_expand_to_increasing_loads(string text, string loads)
    {
        SweepPlan.Parse(text, 1).Loads.Select(SweepPlan.Format).ShouldBe(loads.Split(','));
    }

    [Theory]
    [InlineData("1,2,4", "expected concurrency:LIST")]
    [InlineData("concurrency:4,2", "positive and increasing")]
    [InlineData("concurrency:1.5,2", "whole number")]
    [InlineData("rate:5..20*1", "make the load grow")]
    [InlineData("rate:x", "expected concurrency:LIST")]
    public void Bad_sweeps_are_refused_with_the_form(string text, string message)
    {
        Should.Throw<GateInputException>(() => SweepPlan.Parse(text, 1)).Message.ShouldContain(message);
    }
}
