using Gates.CanaryValidate.Tests.Scenarios;
using Gates.Testing.Fakes;
using Gates.Testing;
using NJsonSchema;

namespace Gates.CanaryValidate.Tests.Command;

/// <summary>canary-validate's gate reports validate against docs/schemas/gate-report.schema.json, whatever the decision.</summary>
public sealed class ReportSchemaTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.Of("docs", "schemas", "gate-report.schema.json")).GetAwaiter().GetResult());

    [Theory]
    [InlineData("healthy", 0)]
    [InlineData("bad", 1)]
    [InlineData("idle", 4)]
    public async Task Reports_of_every_decision_are_valid(string revision, int expectedExit)
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", $"{revision}-00002", "--baseline-name", $"{revision}-00001", "-n", KnativeSeries.Namespace, "--template", "knative",
            "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--error-rate-threshold", "0.02", "--canary-percent", "10", "--report-json", "r.json");

        exit.ShouldBe(expectedExit);
        Schema.Value.Validate(File.ReadAllText(run.Folder.File("r.json"))).Select(e => e.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_report_with_kubernetes_health_and_an_action_is_valid()
    {
        using var api = new FakeKubernetes()
            .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
            .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json");
        using var run = new CommandRunner();

        await run.RunAsync("--inference-service", "sklearn-iris", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", prometheus.Server.Url.AbsoluteUri, "--error-rate-threshold", "0.02", "--act", "--dry-run", "--report-json", "r.json");

        Schema.Value.Validate(File.ReadAllText(run.Folder.File("r.json"))).Select(e => e.ToString()).ShouldBeEmpty();
    }
}
