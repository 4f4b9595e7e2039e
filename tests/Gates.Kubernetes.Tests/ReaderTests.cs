using Gates.Core;
using Gates.Testing.Fakes;

namespace Gates.Kubernetes.Tests;

/// <summary>Reading canaries through KubernetesClient from a local API server that serves realistic objects.</summary>
public sealed class ReaderTests
{
    private const string Ns = "ai-production";
    private const string CanaryPods = "app=mymodel,track=canary";

    [Fact]
    public async Task A_serverless_inference_service_yields_its_created_revision_against_the_rolled_out_one()
    {
        using var api = new FakeKubernetes()
            .InferenceService("sklearn-iris", "isvc-serverless-canary.json")
            .Pods("serving.knative.dev/revision=sklearn-iris-predictor-00002", "pods-revision-healthy.json");

        var status = await KubernetesCluster.Connect(api.Kubeconfig, null).ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        status.Mode.ShouldBe("Serverless");
        status.CanaryName.ShouldBe("sklearn-iris-predictor-00002");
        status.BaselineName.ShouldBe("sklearn-iris-predictor-00001");
        status.CanaryReady.ShouldBeTrue();
        status.ConfiguredCanaryShare.ShouldBe(0.1);
        status.RoutedCanaryShare.ShouldBe(0.1);
        status.Failures.ShouldBeEmpty();
        status.Warnings.ShouldBeEmpty();
        api.Requests[0].Headers["Authorization"].ShouldBe("Bearer test-token");
    }

    [Fact]
    public async Task A_model_that_failed_to_load_is_a_failure_and_not_ready()
    {
        using var api = new FakeKubernetes().InferenceService("sklearn-iris", "isvc-serverless-failed-load.json");

        var status = await KubernetesCluster.Connect(api.Kubeconfig, null).ReadInferenceServiceAsync(Ns, "sklearn-iris", CancellationToken.None);

        status.Failures.ShouldHaveSingleItem().ShouldContain("BlockedByFailedLoad: ModelLoadFailed");
        status.CanaryReady.ShouldBeFalse();
        status.NotReady.ShouldContain(n => n.Contains("latestReadyRevision is sklearn-iris-predictor-00001"));
    }

    [Fact]
    public async Task Raw_deployment_mode_with_spec_canary_reads_canary_statuses_and_warns_about_an_ignored_percent()
    {
        using var api = new FakeKubernetes()
            .InferenceService("llama", "isvc-raw-canary.json")
            .Deployment("llama-v2-predictor", "deployment-raw-canary.json")
            .Pods("app=isvc.llama-v2-predictor", "pods-canary-healthy.json");

        var status = await KubernetesCluster.Connect(api.Kubeconfig, null).ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None);

        status.Mode.ShouldBe("RawDeployment");
        status.CanaryName.ShouldBe("llama-v2-predictor");
        status.BaselineName.ShouldBe("llama-predictor");
        status.CanaryEntry.ShouldBe("v2");
        status.ConfiguredCanaryShare.ShouldBe(0.2);
        status.CanaryReady.ShouldBeTrue();
        status.Warnings.ShouldHaveSingleItem().ShouldContain("canaryTrafficPercent (20) is ignored in RawDeployment mode");
    }

    [Fact]
    public async Task Raw_deployment_mode_without_a_canary_entry_explains_that_the_percent_is_ignored()
    {
        using var api = new FakeKubernetes().InferenceService("llama", "isvc-raw-percent-ignored.json");

        var error = await Should.ThrowAsync<GateInputException>(() =>
            KubernetesCluster.Connect(api.Kubeconfig, null).ReadInferenceServiceAsync(Ns, "llama", CancellationToken.None));

        error.Message.ShouldContain("no spec.canary[] entry");
        error.Message.ShouldContain("ignored in RawDeployment mode");
    }

    [Fact]
    public async Task A_healthy_canary_deployment_is_ready_with_its_image()
    {
        using var api = Deployments("deployment-canary.json", "pods-canary-healthy.json");

        var status = await KubernetesCluster.Connect(api.Kubeconfig, null).ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None);

        status.CanaryReady.ShouldBeTrue();
        status.CanaryRestarts.ShouldBe(0);
        status.Failures.ShouldBeEmpty();
        status.CanaryImage.ShouldBe("registry.example.com/mymodel:2.1.0");
        status.CanaryContainer.ShouldBe("server");
    }

    [Fact]
    public async Task A_crash_looping_canary_is_a_failure_naming_the_pod_and_the_last_exit()
    {
        using var api = Deployments("deployment-canary-stuck.json", "pods-canary-crashloop.json");

        var status = await KubernetesCluster.Connect(api.Kubeconfig, null).ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None);

        status.Failures.ShouldContain("pod mymodel-canary-7d4f9c6b8-x2x9z container server: CrashLoopBackOff, last exit 137 OOMKilled");
        status.Failures.ShouldContain(f => f.Contains("progress deadline exceeded"));
        status.CanaryRestarts.ShouldBe(5);
        status.CanaryReady.ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_deployment_is_a_configuration_error()
    {
        using var api = new FakeKubernetes().Deployment("mymodel-canary", "deployment-canary.json");

        var error = await Should.ThrowAsync<GateInputException>(() =>
            KubernetesCluster.Connect(api.Kubeconfig, null).ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None));

        error.Message.ShouldBe("deployment ai-production/mymodel does not exist");
    }

    [Fact]
    public async Task An_unreachable_api_server_is_unavailable()
    {
        string kubeconfig;
        using (var api = new FakeKubernetes())
        {
            kubeconfig = File.ReadAllText(api.Kubeconfig);
        }

        using var folder = new Gates.Testing.TempFolder();
        var cluster = KubernetesCluster.Connect(folder.Write("kubeconfig", kubeconfig), null);

        await Should.ThrowAsync<TargetUnavailableException>(() => cluster.ReadDeploymentAsync(Ns, "mymodel-canary", "mymodel", CancellationToken.None));
    }

    internal static FakeKubernetes Deployments(string canary, string pods) => new FakeKubernetes()
        .Deployment("mymodel-canary", canary)
        .Deployment("mymodel", "deployment-stable.json")
        .Pods(CanaryPods, pods);
}
