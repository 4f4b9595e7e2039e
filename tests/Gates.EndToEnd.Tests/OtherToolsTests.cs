using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.EndToEnd.Tests;

/// <summary>drift-check, latency-bench, manifest-bump and canary-validate as installed packages, on bundled samples.</summary>
[Collection(nameof(ToolsCollection))]
public class OtherToolsTests(InstalledTools tools)
{
    private static string Repo(params string[] parts) => RepositoryPaths.Of(parts);

    [Theory]
    [InlineData("current-ok.csv", 0, "Overall: PASS")]
    [InlineData("current-drift.csv", 1, "Overall: FAIL")]
    public void Drift_check_compares_the_samples(string current, int exitCode, string expected)
    {
        var result = tools.RunTool("drift-check",
            ["--reference", Repo("samples", "drift", "reference.csv"), "--current", Repo("samples", "drift", current), "-t", Repo("samples", "drift", "thresholds.yaml")]);

        result.ShouldExit(exitCode);
        result.Stdout.ShouldContain(expected);
    }

    [Fact]
    public void Latency_bench_gates_an_imported_vllm_result()
    {
        var result = tools.RunTool("latency-bench",
            ["gate", "--results", Repo("samples", "latency", "vllm-bench-serve.json"), "--thresholds", Repo("thresholds", "latency.yaml")]);

        result.ShouldExit(1);
        result.Stdout.ShouldContain("latency_p95");
    }

    [Fact]
    public void Manifest_bump_dry_run_prints_a_one_line_diff_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var source = Repo("samples", "manifests", "apps", "fraud", "prod", "isvc.yaml");
        var file = folder.Write("isvc.yaml", File.ReadAllText(source));
        var before = File.ReadAllBytes(file);

        var result = tools.RunTool("manifest-bump",
            ["--file", file, "--select", "kind=InferenceService", "--field", "storageUri=s3://models/fraud/v99", "--dry-run"], folder.Path);

        result.ShouldExit(0);
        result.Stdout.ShouldContain("+");
        result.Stdout.ShouldContain("s3://models/fraud/v99");
        File.ReadAllBytes(file).ShouldBe(before);
    }

    [Fact]
    public void Canary_validate_never_promotes_when_prometheus_is_unreachable()
    {
        var result = tools.RunTool("canary-validate",
            ["--canary-name", "m-canary", "--baseline-name", "m", "--namespace", "ns", "--prometheus-url", "http://127.0.0.1:9/",
             "--duration", "5s", "--interval", "1s", "--error-rate-threshold", "0.02"]);

        result.ShouldExit(4);
        result.Stdout.ShouldContain("Overall: INCONCLUSIVE");
        result.Stdout.ShouldContain("did not answer");
    }
}
