namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>The same analysis from logged outcomes (per-user CSV or JSONL) and from shadow-mode pairs.</summary>
public sealed class LoggedDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<int> Run(AbRunner run, params string[] extra) =>
        run.RunAsync(["--config", AbTestReaderTests.IssueFile, .. extra]);

    [Fact]
    public async Task Per_user_outcomes_promote_a_better_treatment_with_ratio_metrics_over_users()
    {
        using var run = new AbRunner(Now);
        var file = run.Folder.Write("outcomes.csv", LoggedData.Csv(LoggedData.Users(20_000, 0.80, 0.86)));

        var exit = await Run(run, "--outcomes", file);

        exit.ShouldBe(0, run.Error.ToString() + run.Out);
        var success = run.Check("task_success_rate");
        success["verdict"]!.GetValue<string>().ShouldBe("pass");
        success["delta"]!.GetValue<double>().ShouldBe(0.06, 0.01);
        success["n"]!.GetValue<long>().ShouldBe(6000);
        run.Check("user_satisfaction_score")["verdict"]!.GetValue<string>().ShouldBe("pass");
        run.Details["decision"]!.GetValue<string>().ShouldBe("promote");
        run.Check("guardrail-task_success_rate")["n"]!.GetValue<long>().ShouldBeLessThan(6000);
    }

    [Fact]
    public async Task Csv_and_jsonl_exports_of_the_same_rows_give_the_same_numbers()
    {
        using var csv = new AbRunner(Now);
        using var jsonl = new AbRunner(Now);
        var rows = LoggedData.Users(3000, 0.80, 0.82).ToList();

        await Run(csv, "--outcomes", csv.Folder.Write("o.csv", LoggedData.Csv(rows)));
        await Run(jsonl, "--outcomes", jsonl.Folder.Write("o.jsonl", LoggedData.Jsonl(rows)));

        foreach (var name in new[] { "task_success_rate", "cost_per_request", "hallucination_rate", "latency_p95", "guardrail-task_success_rate" })
        {
            jsonl.Check(name)["observed"]!.GetValue<double>().ShouldBe(csv.Check(name)["observed"]!.GetValue<double>(), 1e-12, name);
        }

        csv.Check("task_success_rate")["interval"]!.ToJsonString().ShouldBe(jsonl.Check("task_success_rate")["interval"]!.ToJsonString());
    }

    [Fact]
    public async Task A_missing_outcome_column_is_an_input_error_naming_the_metric()
    {
        using var run = new AbRunner(Now);
        var rows = LoggedData.Users(100, 0.8, 0.8).Select(r => { r.Remove("cost"); return r; });
        var file = run.Folder.Write("o.csv", LoggedData.Csv(rows));

        var exit = await Run(run, "--outcomes", file);

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain("metric 'cost_per_request' needs the column 'cost'");
    }

    [Fact]
    public async Task Shadow_pairs_are_compared_paired_and_a_better_challenger_is_promoted()
    {
        using var better = new AbRunner(Now);
        using var same = new AbRunner(Now);

        var betterExit = await Run(better, "--shadow", better.Folder.Write("s.jsonl", LoggedData.ShadowJsonl(3000, 0.80, 0.85)));
        var sameExit = await Run(same, "--shadow", same.Folder.Write("s.jsonl", LoggedData.ShadowJsonl(3000, 0.80, 0.80)));

        betterExit.ShouldBe(0, better.Error.ToString());
        better.Check("task_success_rate")["verdict"]!.GetValue<string>().ShouldBe("pass");
        better.Check("task_success_rate")["method"]!.GetValue<string>().ShouldBe("paired normal-mixture confidence sequence (anytime-valid)");
        sameExit.ShouldBe(4);
        same.Details["reason"]!.GetValue<string>().ShouldContain("shadow comparison not settled: task_success_rate");
        same.Check("task_success_rate")["verdict"]!.GetValue<string>().ShouldBe("inconclusive");
    }

    [Fact]
    public async Task Shadow_pairs_at_a_fixed_horizon_use_McNemar()
    {
        using var run = new AbRunner(Now);

        await Run(run, "--shadow", run.Folder.Write("s.jsonl", LoggedData.ShadowJsonl(3000, 0.80, 0.85)), "--fixed-horizon");

        run.Check("task_success_rate")["method"]!.GetValue<string>().ShouldStartWith("McNemar");
        run.Check("task_success_rate")["pValue"]!.GetValue<double>().ShouldBeLessThan(0.001);
    }
}
