using Gates.Core;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Tests.Unit;

public class GoodputObjectivesTests
{
    [Fact]
    public void Parses_vllm_style_objectives()
    {
        var g = GoodputObjectives.Parse("ttft:300,tpot:50 e2el:2000")!;
        g.ShouldBe(new GoodputObjectives(300, 50, 2000));
        g.ToString().ShouldBe("ttft:300,tpot:50,latency:2000");
    }

    [Theory]
    [InlineData("ttft")]
    [InlineData("ttft:-1")]
    [InlineData("speed:3")]
    public void Rejects_bad_objectives(string text) => Should.Throw<GateInputException>(() => GoodputObjectives.Parse(text));

    [Fact]
    public void A_request_without_ttft_fails_a_ttft_objective_and_one_token_counts_as_tpot_zero()
    {
        var g = new GoodputObjectives(100, 10, null);
        g.IsGood(50, null, null).ShouldBeFalse();
        g.IsGood(50, 20, null).ShouldBeTrue();
    }
}
