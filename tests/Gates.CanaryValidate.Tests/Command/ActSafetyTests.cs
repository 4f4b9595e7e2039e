using System.Text.Json.Nodes;
using Gates.CanaryValidate.Tests.Scenarios;
using Gates.Testing.Fakes;

namespace Gates.CanaryValidate.Tests.Command;

/// <summary>--act writes only what it must: a server dry run first if asked, an explicit namespace, a named identity.</summary>
public sealed class ActSafetyTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    private string Url => prometheus.Server.Url.AbsoluteUri;

    [Fact]
    public async Task A_server_dry_run_sends_the_patch_with_dryRun_All_and_reports_the_field_change()
    {
        using var api = Serverless();
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "sklearn-iris", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act", "--dry-run=server", "--report-json", "report.json");

        exit.ShouldBe(1, run.Error.ToString());
        api.Patches.ShouldBeEmpty();
        api.DryRunPatches.ShouldHaveSingleItem().Query["dryRun"].ShouldBe("All");
        api.StoredInferenceService("sklearn-iris")!["spec"]!["predictor"]!["canaryTrafficPercent"]!.GetValue<int>().ShouldBe(10);
        var action = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!["details"]!["canary-validate"]!["actions"]![0]!;
        action["applied"]!.GetValue<bool>().ShouldBeFalse();
        action["dryRunMode"]!.GetValue<string>().ShouldBe("server");
        var change = action["changes"]!.AsArray().ShouldHaveSingleItem()!;
        change["path"]!.GetValue<string>().ShouldBe("spec.predictor.canaryTrafficPercent");
        change["before"]!.GetValue<string>().ShouldBe("10");
        change["after"]!.GetValue<string>().ShouldBe("0");
        action["result"]!.GetValue<string>().ShouldStartWith("server dry run: the API server accepted the patch and stored nothing");
        run.Error.ToString().ShouldContain("spec.predictor.canaryTrafficPercent: 10 → 0");
    }

    [Fact]
    public async Task Acting_names_the_identity_and_context_in_the_log_and_the_report_before_writing()
    {
        using var api = Serverless();
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "sklearn-iris", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act", "--report-json", "report.json");

        exit.ShouldBe(1, run.Error.ToString());
        var log = run.Error.ToString();
        var said = log.IndexOf($"acting as kubeconfig user ci (context fake) at {api.BaseUrl} in namespace ai-production", StringComparison.Ordinal);
        said.ShouldBeGreaterThanOrEqualTo(0, log);
        said.ShouldBeLessThan(log.IndexOf("applied: rollback", StringComparison.Ordinal));
        var actingAs = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!["details"]!["canary-validate"]!["actions"]![0]!["actingAs"]!;
        actingAs["user"]!.GetValue<string>().ShouldBe("kubeconfig user ci");
        actingAs["context"]!.GetValue<string>().ShouldBe("fake");
        api.Patches.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Acting_without_an_explicit_namespace_is_refused_before_anything_is_read()
    {
        using var api = Serverless();
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "sklearn-iris", "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act");

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain("--act needs an explicit --namespace");
        api.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_dry_run_mode_is_a_usage_error()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--dry-run=everything");

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain("--dry-run: 'everything' is not client (the default when bare) or server");
    }

    [Theory]
    [InlineData("--prometheus-token", "GATES_PROMETHEUS_TOKEN")]
    [InlineData("--prometheus-password", "GATES_PROMETHEUS_PASSWORD")]
    public async Task A_secret_on_the_command_line_is_refused_with_the_variable_to_use(string flag, string variable)
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", Url, "--error-rate-threshold", "0.02", flag, "s3cret-value");

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain($"{flag} is no longer accepted");
        run.Error.ToString().ShouldContain(variable);
        run.Error.ToString().ShouldNotContain("s3cret-value");
    }

    private static FakeKubernetes Serverless() => new FakeKubernetes()
        .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
        .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json");
}
