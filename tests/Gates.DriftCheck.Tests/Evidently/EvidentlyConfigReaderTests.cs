using Gates.Core;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Evidently;

namespace Gates.DriftCheck.Tests.Evidently;

/// <summary>The drift parts of an Evidently 0.7 report config, as Evidently serialises them (type aliases, nulls, tests).</summary>
public class EvidentlyConfigReaderTests
{
    private static EvidentlyConfig Read(string text) => EvidentlyConfigReader.Read("evidently_config.json", text, "0");

    [Fact]
    public void A_preset_gives_columns_methods_thresholds_and_drift_share()
    {
        var config = Read("""
            {"metrics": [{"type": "evidently:metric_container:DataDriftPreset", "columns": ["a", "b"], "drift_share": 0.3,
              "method": null, "num_method": "psi", "cat_threshold": 0.2, "per_column_method": {"b": "jensenshannon"},
              "per_column_threshold": {"a": 0.25}, "embeddings": null, "include_tests": true}],
             "include_tests": true, "descriptors": [], "options": [], "metadata": {}, "tags": []}
            """);

        config.Columns.ShouldBe(["a", "b"]);
        config.IncludeTests.ShouldBeTrue();
        config.Metrics.Single().DriftShare.ShouldBe(0.3);
        config.Metrics.Single().FromPreset.ShouldBeTrue();
        config.Methods.For("a", "num").ShouldBe(("psi", 0.25));
        config.Methods.For("b", "cat").ShouldBe(("jensenshannon", 0.2));
        config.Methods.For("c", "text").ShouldBe((null, null));
        config.Unsupported.ShouldBeEmpty();
    }

    [Fact]
    public void Tests_of_drifted_columns_count_and_value_drift_are_read_with_their_comparison_and_criticality()
    {
        var config = Read("""
            {"metrics": [
              {"type": "evidently:metric_v2:DriftedColumnsCount", "tests": [{"type": "evidently:test_v2:LessOrEqualMetricTest", "threshold": 2}],
               "share_tests": [{"type": "evidently:test_v2:LessThanMetricTest", "threshold": 0.3, "is_critical": false}]},
              {"type": "evidently:metric_v2:ValueDrift", "column": "x", "method": "ks", "threshold": 0.01,
               "tests": [{"type": "evidently.tests.numerical_tests.GreaterThanMetricTest", "threshold": 0.05}]}]}
            """);

        var count = config.Metrics[0];
        count.FromPreset.ShouldBeFalse();
        count.Tests.ShouldBe([new EvidentlyTest("LessOrEqualMetricTest", Comparison.Lte, 2, true)]);
        count.ShareTests.ShouldBe([new EvidentlyTest("LessThanMetricTest", Comparison.Lt, 0.3, false)]);
        config.Metrics[1].Column.ShouldBe("x");
        config.Metrics[1].Tests.ShouldBe([new EvidentlyTest("GreaterThanMetricTest", Comparison.Gt, 0.05, true)]);
        config.ColumnMethods["x"].ShouldBe(("ks", 0.01));
        config.Columns.ShouldBeNull();
    }

    [Fact]
    public void The_same_config_in_yaml_reads_the_same()
    {
        var yaml = Read("""
            metrics:
              - type: DataDriftPreset
                columns: [a]
                drift_share: 0.4
                cat_method: chisquare
            include_tests: true
            """);

        yaml.Columns.ShouldBe(["a"]);
        yaml.Metrics.Single().DriftShare.ShouldBe(0.4);
        yaml.Methods.CatMethod.ShouldBe("chisquare");
        yaml.IncludeTests.ShouldBeTrue();
    }

    [Fact]
    public void Parts_drift_check_does_not_run_are_listed_together()
    {
        var config = Read("""
            {"metrics": [{"type": "evidently:metric_container:DataDriftPreset", "method": "energy", "embeddings": ["e"]},
              {"type": "evidently:metric_v2:ColumnCount"},
              {"type": "evidently:metric_v2:ValueDrift", "column": "x", "tests": [{"type": "evidently:test_v2:LessThanMetricTest", "threshold": {"relative": 0.1}}]}],
             "descriptors": [{"type": "evidently:descriptor_v2:TextLength"}]}
            """);

        config.Unsupported.ShouldBe([
            "descriptors (1)",
            "metrics[0].embeddings",
            "metrics[0].method: method 'energy' (drift-check runs ks, chisquare, z, wasserstein, jensenshannon, psi, kl_div)",
            "metrics[1]: ColumnCount",
            "metrics[2].tests[0]: a Reference threshold (relative to the reference data)",
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_config_without_a_drift_metric_or_with_a_bad_value_is_an_input_error()
    {
        Should.Throw<GateInputException>(() => Read("""{"metrics": [{"type": "evidently:metric_v2:ColumnCount"}]}"""))
            .Message.ShouldContain("no drift metric");
        Should.Throw<GateInputException>(() => Read("""{"metrics": [{"type": "DataDriftPreset", "drift_share": 2}]}"""))
            .Message.ShouldContain("metrics[0].drift_share must be a number between 0 and 1");
        Should.Throw<GateInputException>(() => Read("""{"metrics": [{"type": "ValueDrift"}]}"""))
            .Message.ShouldContain("ValueDrift needs 'column'");
    }
}
