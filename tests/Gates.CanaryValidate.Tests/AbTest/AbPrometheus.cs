using Gates.Testing.Prometheus;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>
/// One real Prometheus per scenario, each backfilled with the two-arm gateway's week: the same model names every time,
/// so the ABTest file runs unchanged against each.
/// </summary>
public sealed class AbPrometheus : IAsyncLifetime
{
    private static readonly ArmProfile Control = new(70, 0.85);

    public PrometheusServer Better { get; private set; } = null!;
    public PrometheusServer Guardrail { get; private set; } = null!;
    public PrometheusServer Equal { get; private set; } = null!;
    public PrometheusServer Mismatch { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var better = PrometheusServer.StartAsync(TwoArmExporter.Series(Control,
            new ArmProfile(30, 0.90, 0.04) { Ratings = [0.03, 0.07, 0.10, 0.35, 0.45] }));
        var guardrail = PrometheusServer.StartAsync(TwoArmExporter.Series(new ArmProfile(70, 0.85),
            new ArmProfile(30, 0.85) { DropAt = TimeSpan.FromHours(30), SuccessAfterDrop = 0.6 }));
        var equal = PrometheusServer.StartAsync(TwoArmExporter.Series(Control, new ArmProfile(30, 0.85)));
        var mismatch = PrometheusServer.StartAsync(TwoArmExporter.Series(new ArmProfile(50, 0.85), new ArmProfile(50, 0.85)));
        (Better, Guardrail, Equal, Mismatch) = (await better, await guardrail, await equal, await mismatch);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { Better, Guardrail, Equal, Mismatch }.Where(s => s is not null))
        {
            await server.DisposeAsync();
        }
    }
}
