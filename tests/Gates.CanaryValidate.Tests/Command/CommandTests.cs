using System.Text.Json.Nodes;
using Gates.CanaryValidate.Tests.Scenarios;
using Gates.Testing.Fakes;

namespace Gates.CanaryValidate.Tests.Command;

/// <summary>The whole tool: flags, Kubernetes through a local API server, a real Prometheus, report and exit code.</summary>
public sealed class CommandTests(RealPrometheus prometheus) : IClassFixture<RealPrometheus>
{
    private string Url => prometheus.Server.Url.AbsoluteUri;

    [Fact]
    public async Task A_healthy_canary_named_directly_exits_0_with_a_report_of_every_look()
    {
        using var run = new CommandRunner();
        var exit = await run.RunAsync("--canary-name", "healthy-00002", "--baseline-name", "healthy-00001", "--namespace", KnativeSeries.Namespace,
            "--template", "knative", "--prometheus-url", Url, "--duration", "900", "--error-rate-threshold", "0.02", "--report-json", "report.json");

        exit.ShouldBe(0, run.Error.ToString());
        var report = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!;
        report["verdict"]!.GetValue<string>().ShouldBe("pass");
        var details = report["details"]!["canary-validate"]!;
        details["decision"]!.GetValue<string>().ShouldBe("promote");
        details["stoppedEarly"]!.GetValue<bool>().ShouldBeTrue();
        details["looks"]!.AsArray().Count.ShouldBeGreaterThan(0);
        var check = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "error-rate")!;
        check["verdict"]!.GetValue<string>().ShouldBe("pass");
        check["baselineValue"]!.GetValue<double>().ShouldBe(0.005, tolerance: 0.001);
        run.Error.ToString().ShouldContain("canary-validate: look 1/15 at +60s: error-rate");
    }

    [Fact]
    public async Task A_failing_inference_service_canary_is_rolled_back_with_a_patch_when_acting()
    {
        using var api = new FakeKubernetes()
            .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
            .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json");
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "sklearn-iris", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act", "--report-json", "report.json", "--format", "markdown");

        exit.ShouldBe(1, run.Error.ToString());
        api.Patches.ShouldHaveSingleItem().Body.ShouldBe("""{"spec":{"predictor":{"canaryTrafficPercent":0}}}""");
        var details = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!["details"]!["canary-validate"]!;
        details["target"]!["canary"]!.GetValue<string>().ShouldBe("sklearn-iris-predictor-00002");
        details["analysis"]!["expectedCanaryShare"]!.GetValue<double>().ShouldBe(0.1);
        var action = details["actions"]!.AsArray().ShouldHaveSingleItem()!;
        action["action"]!.GetValue<string>().ShouldBe("rollback");
        action["applied"]!.GetValue<bool>().ShouldBeTrue();
        run.Out.ToString().ShouldContain("error-rate");
    }

    [Fact]
    public async Task A_dry_run_prints_the_patch_and_sends_nothing()
    {
        using var api = new FakeKubernetes()
            .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
            .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json");
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "sklearn-iris", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act", "--dry-run");

        exit.ShouldBe(1);
        api.Patches.ShouldBeEmpty();
        run.Error.ToString().ShouldContain("""dry run, not applied: rollback: PATCH inferenceservice ai-production/sklearn-iris (merge) {"spec":{"predictor":{"canaryTrafficPercent":0}}}""");
    }

    [Fact]
    public async Task A_crash_looping_canary_deployment_is_rolled_back_at_the_first_look_despite_good_metrics()
    {
        using var api = new FakeKubernetes()
            .Deployment("mymodel-canary", "deployment-canary-stuck.json")
            .Deployment("mymodel", "deployment-stable.json")
            .Pods("app=mymodel,track=canary", "pods-canary-crashloop.json");
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--deployment", "mymodel-canary", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act", "--report-json", "report.json");

        exit.ShouldBe(1);
        var report = JsonNode.Parse(File.ReadAllText(run.Folder.File("report.json")))!;
        var health = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "canary-health")!;
        health["verdict"]!.GetValue<string>().ShouldBe("fail");
        health["reason"]!.GetValue<string>().ShouldContain("CrashLoopBackOff");
        report["details"]!["canary-validate"]!["looks"]!.AsArray().ShouldBeEmpty();
        api.Patches.ShouldHaveSingleItem().Body.ShouldBe("""{"spec":{"replicas":0}}""");
    }

    [Fact]
    public async Task A_healthy_canary_deployment_is_promoted_by_giving_the_stable_twin_its_image()
    {
        using var api = new FakeKubernetes()
            .Deployment("mymodel-canary", "deployment-canary.json")
            .Deployment("mymodel", "deployment-stable.json")
            .Pods("app=mymodel,track=canary", "pods-canary-healthy.json");
        using var run = new CommandRunner();
        var config = run.Write("canary.yaml", """
            analysis:
              interval: 1m
              duration: 15m
            gates:
              error-rate:
                metric: error_rate
                max: 0.02
            """);

        var exit = await run.RunAsync("--deployment", "mymodel-canary", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig,
            "--prometheus-url", Url, "--config", config, "--act");

        exit.ShouldBe(0, run.Error.ToString());
        api.Patches.ShouldHaveSingleItem().Body.ShouldContain("registry.example.com/mymodel:2.1.0");
    }

    [Fact]
    public async Task A_canary_without_traffic_exits_4_and_says_how_many_requests_would_settle_it()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "idle-00002", "--baseline-name", "idle-00001", "-n", KnativeSeries.Namespace, "--template", "knative",
            "--prometheus-url", Url, "--duration", "10m", "--error-rate-threshold", "0.02");

        exit.ShouldBe(4);
        run.Out.ToString().ShouldContain("canary samples would settle it");
    }

    [Fact]
    public async Task Missing_prometheus_url_is_a_usage_error()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--error-rate-threshold", "0.02");

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain("--prometheus-url is required");
    }

    [Fact]
    public async Task A_folder_given_as_the_config_is_a_usage_error_called_a_folder()
    {
        using var run = new CommandRunner();
        var folder = Path.Combine(run.Folder.Path, "canary");
        Directory.CreateDirectory(folder);

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", Url, "--config", folder);

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain($"{folder}: is a folder, not a thresholds file");
        run.Error.ToString().ShouldNotContain("Access to the path");
    }

    [Fact]
    public async Task A_config_with_problems_reports_all_of_them_with_lines()
    {
        using var run = new CommandRunner();
        var config = run.Write("canary.yaml", """
            analysis:
              interval: soon
              colour: blue
            gates:
              quality:
                metric: my_score
                min: 0.8
              p95:
                metric: latency
                quantile: 0.95
                min: 0.5
            """);

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", Url, "--config", config);

        exit.ShouldBe(2);
        var error = run.Error.ToString();
        error.ShouldContain("canary.yaml:2: analysis.interval: 'soon' is not a duration");
        error.ShouldContain("canary.yaml:3: unknown key 'analysis.colour'");
        error.ShouldContain("gate 'quality': metric 'my_score' is not built into the 'http' template");
        error.ShouldContain("gate 'p95': a quantile gate takes an absolute 'max:'");
    }

    [Fact]
    public async Task Act_without_a_kubernetes_target_is_a_usage_error()
    {
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--act");

        exit.ShouldBe(2);
        run.Error.ToString().ShouldContain("--act needs a Kubernetes target");
    }

    [Fact]
    public async Task An_unreachable_prometheus_is_inconclusive_with_a_data_check_naming_the_error()
    {
        using var run = new CommandRunner();
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        var exit = await run.RunAsync("--canary-name", "a", "--baseline-name", "b", "--prometheus-url", closed.AbsoluteUri, "--prometheus-retries", "1",
            "--error-rate-threshold", "0.02", "--report-json", "r.json");

        exit.ShouldBe(4);
        var checks = JsonNode.Parse(File.ReadAllText(run.Folder.File("r.json")))!["checks"]!.AsArray();
        var data = checks.Single(c => c!["name"]!.GetValue<string>() == "data")!;
        data["verdict"]!.GetValue<string>().ShouldBe("inconclusive");
        data["reason"]!.GetValue<string>().ShouldContain("did not answer after 2 attempts");
        checks.Single(c => c!["name"]!.GetValue<string>() == "error-rate")!["reason"]!.GetValue<string>().ShouldStartWith("not looked at:");
    }

    [Fact]
    public async Task A_raw_deployment_canary_is_analysed_by_pod_and_the_ignored_percent_is_a_report_warning()
    {
        using var api = new FakeKubernetes()
            .InferenceService("llama", "isvc-raw-canary.json")
            .Deployment("llama-v2-predictor", "deployment-raw-canary.json");
        using var run = new CommandRunner();

        var exit = await run.RunAsync("--inference-service", "llama", "-n", KnativeSeries.Namespace, "--kubeconfig", api.Kubeconfig, "--template", "vllm",
            "--prometheus-url", Url, "--error-rate-threshold", "0.02", "--report-json", "r.json");

        exit.ShouldBe(0, run.Error.ToString());
        var report = JsonNode.Parse(File.ReadAllText(run.Folder.File("r.json")))!;
        report["warnings"]!.AsArray().ShouldContain(w => w!.GetValue<string>().Contains("canaryTrafficPercent (20) is ignored in RawDeployment mode"));
        report["details"]!["canary-validate"]!["target"]!["canary"]!.GetValue<string>().ShouldBe("llama-v2-predictor");
        report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "traffic-split")!["verdict"]!.GetValue<string>().ShouldBe("pass");
        run.Error.ToString().ShouldContain("warning: spec.predictor.canaryTrafficPercent (20) is ignored");
    }

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
