using Gates.Testing.Tools;
using static Gates.EvalGate.Tests.Command.EvalGateHarness;

namespace Gates.EvalGate.Tests.Command;

/// <summary>per_item gates on repeated promptfoo runs: k-of-N, pass^k, pass@k, flaky share, worst items first.</summary>
public class PerItemGateTests
{
    private static RunResult Run(string results, string gates)
    {
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("results.json", results);
        var t = gate.Folder.Write("t.yaml", "gates:\n" + gates);
        return gate.Run("-r", r, "-t", t, "--format", "json");
    }

    /// <summary>Item i runs three times with the given passes; item ids follow the test cases' vars.</summary>
    private static string Repeated(params int[] passes)
    {
        var results = passes.SelectMany((p, item) => Enumerable.Range(0, 3).Select(run =>
            $"{{\"testIdx\": {(item * 3) + run}, \"promptIdx\": 0, \"provider\": {{\"id\": \"echo\"}}, \"vars\": {{\"q\": \"case {item}\"}}, " +
            $"\"testCase\": {{\"vars\": {{\"q\": \"case {item}\"}}}}, \"success\": {(run < p ? "true" : "false")}, \"score\": {(run < p ? 1 : 0)}}}"));
        return $"{{\"results\": {{\"results\": [{string.Join(", ", results)}], \"stats\": {{}}}}}}";
    }

    [Fact]
    public void Real_repeat_run_is_gated_on_twelve_items()
    {
        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", "gates:\n  pass:\n    metric: pass_rate\n    min: 0.3\n    decision: confident\n");

        var result = gate.Run("-r", Fixture("promptfoo-repeat3.json"), "-t", t, "--format", "json").ShouldExit(4);

        result.Stdout.ShouldContain("n=12 items (36 runs)");
    }

    [Fact]
    public void All_runs_must_pass_for_pass_hat_k()
    {
        // Four items: 3/3, 3/3, 2/3, 0/3. Share mean 0.667; all-pass 0.5; any-pass 0.75; at least 2 of 3: 0.75.
        var results = Repeated(3, 3, 2, 0);
        var result = Run(results, "  all:\n    metric: pass_rate\n    per_item: all\n    min: 0.6\n").ShouldExit(1);

        result.Stdout.ShouldContain("pass_rate per item (all): 0.5 violates");
        result.Stdout.ShouldContain("worst items: 3 0/3, 2 2/3");
        result.Stdout.ShouldContain("\"worstItems\"");
    }

    [Fact]
    public void At_least_k_of_n_any_and_pass_at_k_count_items()
    {
        var results = Repeated(3, 3, 2, 0);

        Run(results, "  k:\n    metric: pass_rate\n    per_item: {at_least: 2}\n    min: 0.75\n").ShouldExit(0).Stdout.ShouldContain("0.75 >= 0.75");
        Run(results, "  any:\n    metric: pass_rate\n    per_item: any\n    min: 0.75\n").ShouldExit(0);
        // pass@2 per item: 1, 1, 1 − C(1,2)/C(3,2) = 1, 0 → 0.75; pass^2: 1, 1, C(2,2)/C(3,2) = 1/3, 0 → 0.5833.
        Run(results, "  at2:\n    metric: pass_rate\n    per_item: {pass_at: 2}\n    min: 0.75\n").ShouldExit(0);
        Run(results, "  hat2:\n    metric: pass_rate\n    per_item: {pass_all: 2}\n    min: 0.6\n").ShouldExit(1).Stdout.ShouldContain("0.5833");
    }

    [Fact]
    public void The_share_of_flaky_items_lists_flaky_items_first()
    {
        var result = Run(Repeated(3, 1, 2, 0), "  flaky:\n    metric: pass_rate\n    per_item: flaky\n    max: 0.25\n").ShouldExit(1);

        result.Stdout.ShouldContain("pass_rate per item (flaky): 0.5 violates");
        result.Stdout.ShouldContain("worst items: 2 2/3, 1 1/3");
    }

    [Fact]
    public void Per_item_without_repeats_or_with_a_bad_rule_is_exit_2()
    {
        using var gate = new EvalGateHarness();
        var t = gate.Folder.Write("t.yaml", "gates:\n  all:\n    metric: pass_rate\n    per_item: all\n    min: 0.5\n");
        gate.Run("-r", Fixture("promptfoo-results.json"), "-t", t).ShouldExit(2).Stderr.ShouldContain("per_item needs pass/fail runs of repeated items");

        Run(Repeated(3, 0), "  k:\n    metric: pass_rate\n    per_item: {at_least: 0}\n    min: 0.5\n").ShouldExit(2).Stderr.ShouldContain("per_item must be");
        Run(Repeated(3, 0), "  k:\n    metric: pass_rate\n    per_item: {pass_at: 4}\n    min: 0.5\n").ShouldExit(2).Stderr.ShouldContain("needs at least 4 runs per item");
    }
}
