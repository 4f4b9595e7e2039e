using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Reports;

namespace Gates.DriftCheck.Tests.Reports;

public class DatasetGatesTests
{
    [Fact]
    public void The_default_gate_is_Evidentlys_half_of_the_columns()
    {
        Gate(Result(drift: 1, ok: 3)).Verdict.ShouldBe(Verdict.Pass);
        Gate(Result(drift: 2, ok: 2)).Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void Columns_with_insufficient_data_that_could_flip_the_share_make_it_inconclusive()
    {
        var check = Gate(Result(drift: 1, ok: 2, insufficient: 1));

        check.Verdict.ShouldBe(Verdict.Inconclusive);
        check.Reason.ShouldEndWith("1 column has insufficient data, and if it drifted the value would be 0.5");
        Gate(Result(drift: 0, ok: 5, insufficient: 1)).Verdict.ShouldBe(Verdict.Pass);
    }

    [Fact]
    public void Per_column_metrics_are_found_even_when_the_column_name_has_dots()
    {
        var result = Result(drift: 1, ok: 1) with
        {
            Columns = [Column("fare.amount", ColumnStatus.Drift) with { Metrics = new Dictionary<string, double> { ["psi"] = 0.31 } }, Column("b", ColumnStatus.NoDrift)],
        };
        var gate = new GateDefinition { Name = "fare psi", Metric = "columns.fare.amount.psi", Comparison = Comparison.Lt, Threshold = 0.25, Warn = 0.1 };

        var check = DatasetGates.Evaluate([gate], result).Single();

        check.Observed.ShouldBe(0.31);
        check.Verdict.ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void A_required_gate_on_an_unknown_metric_is_an_input_error_listing_the_metrics()
    {
        var gate = new GateDefinition { Name = "g", Metric = "drift_score", Comparison = Comparison.Lt, Threshold = 1 };

        Should.Throw<GateInputException>(() => DatasetGates.Evaluate([gate], Result(1, 1))).Message.ShouldContain("dataset metrics: share_of_drifted_columns");
    }

    [Fact]
    public void A_drifted_critical_column_fails_alone_and_a_plain_one_warns()
    {
        ColumnChecks.For(Column("a", ColumnStatus.Drift) with { Critical = true }).First().Verdict.ShouldBe(Verdict.Fail);
        ColumnChecks.For(Column("a", ColumnStatus.Drift)).First().Verdict.ShouldBe(Verdict.Warn);
        ColumnChecks.For(Column("a", ColumnStatus.InsufficientData) with { Critical = true }).First().Verdict.ShouldBe(Verdict.Inconclusive);
        ColumnChecks.For(Column("a", ColumnStatus.NotTested) with { Expected = true }).First().Verdict.ShouldBe(Verdict.Pass);
        ColumnChecks.For(Column("a", ColumnStatus.NotTested)).First().Verdict.ShouldBe(Verdict.Warn);
    }

    [Fact]
    public void A_fired_signal_is_a_check_with_its_severity()
    {
        var signal = new SignalResult { Name = "missing rate", Value = 0.2, Threshold = 0.05, Fired = true, Severity = Severity.Fail, Words = "missing 5% → 25%" };

        var checks = ColumnChecks.For(Column("a", ColumnStatus.NoDrift) with { Signals = [signal] }).ToList();

        checks.Count.ShouldBe(2);
        checks[1].Name.ShouldBe("a: missing rate");
        checks[1].Verdict.ShouldBe(Verdict.Fail);
        checks[1].Reason.ShouldBe("missing 5% → 25%");
    }

    private static CheckResult Gate(DriftResult result) => DatasetGates.Evaluate([DatasetGates.Default], result).Single();

    private static DriftResult Result(int drift, int ok, int insufficient = 0) => new()
    {
        Mode = DriftMode.Default,
        ReferenceRows = 100,
        CurrentRows = 100,
        Columns =
        [
            .. Enumerable.Range(0, drift).Select(i => Column($"d{i}", ColumnStatus.Drift)),
            .. Enumerable.Range(0, ok).Select(i => Column($"o{i}", ColumnStatus.NoDrift)),
            .. Enumerable.Range(0, insufficient).Select(i => Column($"i{i}", ColumnStatus.InsufficientData)),
        ],
    };

    private static ColumnResult Column(string name, ColumnStatus status) =>
        new() { Name = name, Type = "numeric", TypeReason = "numbers", Status = status, Reason = status.ToWord() };
}
