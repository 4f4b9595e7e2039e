using System.Text;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Import;

namespace Gates.LatencyBench.Tests.Unit;

public class LatencyGateTests
{
    private static ThresholdSet Thresholds(string yaml) => ThresholdFileReader.Read("t.yaml", Encoding.UTF8.GetBytes(yaml));

    private static LatencyResults Results(params (string Name, double Value)[] metrics) => new()
    {
        Path = "r.json",
        Format = "test",
        Sha256 = "",
        Metrics = metrics.ToDictionary(m => m.Name, m => m.Value),
    };

    [Fact]
    public void Passes_and_fails_on_thresholds()
    {
        var t = Thresholds("""
            gates:
              p95:
                metric: latency_p95_ms
                max: 2000
              rps:
                metric: requests_per_second
                min: 50
            """);
        var outcome = LatencyGate.Evaluate(t, Results(("latency_p95_ms", 1800), ("requests_per_second", 40)), null);
        outcome.Checks.Select(c => c.Verdict).ShouldBe([Verdict.Pass, Verdict.Fail]);
        outcome.Checks[1].Reason.ShouldContain("violates");
    }

    [Fact]
    public void A_missing_metric_is_an_input_error_naming_what_the_file_has()
    {
        var t = Thresholds("gates:\n  ttft:\n    metric: ttft_p95_ms\n    max: 300\n");
        var e = Should.Throw<GateInputException>(() => LatencyGate.Evaluate(t, Results(("ttft_p99_ms", 100)), null));
        e.Message.ShouldContain("t.yaml:2: gate 'ttft'");
        e.Message.ShouldContain("ttft_p99_ms");
    }

    [Fact]
    public void An_optional_missing_metric_warns_and_never_passes()
    {
        var t = Thresholds("gates:\n  ttft:\n    metric: ttft_p95_ms\n    max: 300\n    required: false\n");
        LatencyGate.Evaluate(t, Results(("latency_p95_ms", 1)), null).Checks.Single().Verdict.ShouldBe(Verdict.Warn);
    }

    [Fact]
    public void Relative_deltas_compare_with_the_baseline()
    {
        var t = Thresholds("""
            gates:
              p95_growth:
                metric: latency_p95_ms
                delta: relative
                max: 0.10
                description: p95 may not grow more than 10%
            """);
        var ok = LatencyGate.Evaluate(t, Results(("latency_p95_ms", 1080)), Results(("latency_p95_ms", 1000))).Checks.Single();
        ok.Verdict.ShouldBe(Verdict.Pass);
        ok.Observed.ShouldBe(1080);
        ok.BaselineValue.ShouldBe(1000);
        ok.Delta!.Value.ShouldBe(80, 1e-9);
        ok.Compared.ShouldBe(CheckValues.RelativeDeltaCompared);
        CheckValues.ComparedValue(ok)!.Value.ShouldBe(0.08, 1e-12);
        LatencyGate.Evaluate(t, Results(("latency_p95_ms", 1150)), Results(("latency_p95_ms", 1000))).Checks.Single().Verdict.ShouldBe(Verdict.Fail);
        Should.Throw<GateInputException>(() => LatencyGate.Evaluate(t, Results(("latency_p95_ms", 1)), null)).Message.ShouldContain("--baseline");
    }

    [Fact]
    public void An_invalid_run_adds_an_inconclusive_check()
    {
        var t = Thresholds("gates:\n  p95:\n    metric: latency_p95_ms\n    max: 2000\n");
        var r = Results(("latency_p95_ms", 100)) with { InvalidReasons = ["the client fell behind its schedule"] };
        var outcome = LatencyGate.Evaluate(t, r, null);
        outcome.Checks.Select(c => c.Verdict).Worst().ShouldBe(Verdict.Inconclusive);
        outcome.Checks[^1].Reason.ShouldContain("fell behind");
    }

    [Fact]
    public void Error_rate_carries_its_counts_for_an_interval()
    {
        var r = Results(("error_rate", 0.02)) with { Requests = 500 };
        var o = r.Find("error_rate")!;
        o.N.ShouldBe(500);
        o.Successes.ShouldBe(10);
    }

    [Fact]
    public void Warns_when_baseline_and_current_measure_differently()
    {
        var t = Thresholds("gates:\n  g:\n    metric: ttft_p95_ms\n    delta: relative\n    max: 0.1\n");
        var cur = Results(("ttft_p95_ms", 100)) with { Semantics = new Dictionary<string, string> { ["ttft_basis"] = "first_output" } };
        var bas = Results(("ttft_p95_ms", 100)) with { Semantics = new Dictionary<string, string> { ["ttft_basis"] = "first_content" } };
        LatencyGate.Evaluate(t, cur, bas).Warnings.ShouldContain(w => w.Contains("ttft_basis"));
    }

    [Theory]
    [InlineData("per_request", "per_request (their inter_token_latency)", "tpot_p95_ms", false)]
    [InlineData("per_request", "per_request", "tpot_p95_ms", false)]
    [InlineData("per_request", "per_request, token-weighted (their inter_token_latency_ms)", "tpot_p95_ms", true)]
    [InlineData("per_request", "per_request, token-weighted (their inter_token_latency_ms)", "ttft_p95_ms", false)]
    public void Warns_about_tpot_only_when_the_compared_tpot_is_defined_differently(string current, string baseline, string gated, bool warns)
    {
        var t = Thresholds($"gates:\n  g:\n    metric: {gated}\n    delta: relative\n    max: 0.1\n");
        var cur = Results(("ttft_p95_ms", 100), ("tpot_p95_ms", 10)) with { Semantics = new Dictionary<string, string> { ["tpot_basis"] = current } };
        var bas = Results(("ttft_p95_ms", 100), ("tpot_p95_ms", 10)) with { Semantics = new Dictionary<string, string> { ["tpot_basis"] = baseline } };

        var warnings = LatencyGate.Evaluate(t, cur, bas).Warnings;

        warnings.Any(w => w.Contains("measure tpot_basis differently")).ShouldBe(warns, string.Join("\n", warnings));
    }
}
