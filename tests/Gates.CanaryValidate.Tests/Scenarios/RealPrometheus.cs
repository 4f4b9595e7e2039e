using Gates.CanaryValidate.Tests.Scenarios;
using Gates.Testing.Prometheus;

namespace Gates.CanaryValidate.Tests.Scenarios;

/// <summary>One real Prometheus for the scenario tests, backfilled with every scenario's revisions.</summary>
public sealed class RealPrometheus : IAsyncLifetime
{
    public PrometheusServer Server { get; private set; } = null!;

    public static string Series() => new OpenMetricsWriter()
        .Revision("healthy-00001", 45, 0.005).Revision("healthy-00002", 5, 0.005)
        .Revision("bad-00001", 45, 0.02).Revision("bad-00002", 5, 0.10)
        .Revision("idle-00001", 45, 0.01).Revision("idle-00002", 0, 0)
        .Revision("gone-00001", 45, 0.005).Revision("gone-00002", 5, 0.005, TimeSpan.FromMinutes(2))
        .Revision("sklearn-iris-predictor-00001", 45, 0.005).Revision("sklearn-iris-predictor-00002", 5, 0.10)
        .Pod("mymodel-6b9f8d7c5-abcde", 20, 0.005).Pod("mymodel-6b9f8d7c5-fghij", 20, 0.005).Pod("mymodel-canary-7d4f9c6b8-x2x9z", 5, 0.005)
        .VllmPod("llm-5d9c7b6f4-q8w2e", 8, 0.002, 0.01).VllmPod("llm-5d9c7b6f4-z7x6c", 8, 0.002, 0.01).VllmPod("llm-canary-6c8d9f7b5-r4t5y", 2, 0.002, 0.30)
        .VllmPod("llama-predictor-7b8c9d6e5-d3e4f", 8, 0.002, 0.01).VllmPod("llama-v2-predictor-5c7d8e9f6-a1b2c", 2, 0.002, 0.01)
        .Quality("healthy-00001", 20, 0.90).Quality("healthy-00002", 2, 0.91).Quality("bad-00001", 20, 0.90).Quality("bad-00002", 2, 0.70)
        .Latencies("healthy-00001", 45, 0.01).Latencies("healthy-00002", 5, 0.01)
        .Latencies("bad-00001", 45, 0.01).Latencies("bad-00002", 5, 0.2, meanMs: 400)
        .ToString();

    public async Task InitializeAsync() => Server = await PrometheusServer.StartAsync(Series());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
