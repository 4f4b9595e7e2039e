using Gates.Core.Evaluation;
using Gates.Core.Statistics;
using Gates.Core.Thresholds;
using Gates.EvalGate.Results;

namespace Gates.EvalGate.Tests.Results;

/// <summary>
/// promptfoo-repeat3.json is real output of promptfoo 0.x: <c>promptfoo eval -c promptfoo-repeat3.config.yaml --repeat 3
/// -o out.json --no-cache</c> with the offline echo provider: 12 test cases, 4 of which pass, each run 3 times.
/// </summary>
public class PromptfooRepeatTests
{
    private static readonly GateDefinition Gate = new() { Name = "g", Metric = "pass_rate", Comparison = Comparison.Gte, Threshold = 0.3 };

    [Fact]
    public void Repeated_test_cases_are_items_counted_once()
    {
        var results = Fixtures.Read("promptfoo-repeat3.json");

        var passRate = results.Found("pass_rate");
        passRate.N.ShouldBe(12);
        passRate.Runs.ShouldBe(36);
        passRate.Value.ShouldBe(1.0 / 3, 1e-12);
        passRate.Successes.ShouldBeNull("the runs are not 36 independent results");
        results.Warnings.ShouldContain(w => w.Contains("36 results are 12 test cases run 3 times each"));
    }

    [Fact]
    public void The_interval_is_the_item_level_one_not_the_narrower_run_level_one()
    {
        var passRate = Fixtures.Read("promptfoo-repeat3.json").Found("pass_rate");

        var (interval, method) = GateEvaluator.IntervalFor(passRate, 0.95);

        method.ShouldBe("wilson (items)");
        interval!.Low.ShouldBe(0.1381200910912132, 1e-9);
        interval.High.ShouldBe(0.6093779111272004, 1e-9);
        var runLevel = ProportionInterval.Wilson(12, 36, 0.95);
        (interval.High - interval.Low).ShouldBeGreaterThan(runLevel.High - runLevel.Low);
        GateEvaluator.Evaluate(Gate, passRate).Reason.ShouldContain("n=12 items (36 runs)");
    }

    [Fact]
    public void Each_item_keeps_its_runs_and_passes()
    {
        var runs = Fixtures.Read("promptfoo-repeat3.json").ItemRuns("pass_rate")!;

        runs.Count.ShouldBe(12);
        runs.ShouldAllBe(i => i.Runs == 3);
        runs.Count(i => i.Passes == 3).ShouldBe(4);
        runs.Count(i => i.Passes == 0).ShouldBe(8);
    }

    [Fact]
    public void Paired_item_values_are_per_item_means()
    {
        var items = Fixtures.Read("promptfoo-repeat3.json", options: new ReadOptions { KeepItems = true }).ItemValues("pass_rate")!;

        items.Count.ShouldBe(12);
        items["0"].ShouldBe(1);
        items["11"].ShouldBe(0);
    }

    [Fact]
    public void A_file_without_repeats_keeps_results_as_items()
    {
        var results = Fixtures.Read("promptfoo-results.json");

        results.Found("pass_rate").Runs.ShouldBeNull();
        results.ItemRuns("pass_rate").ShouldBeNull();
    }
}
