using System.Text.Json.Nodes;
using Gates.CanaryValidate.Analysis;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Target;

/// <summary>One action taken (or printed, or checked by the API server) to apply the decision, as recorded in the report.</summary>
internal sealed record ActionRecord(string Action, TargetPatch? Patch, bool Applied, bool DryRun, string Result)
{
    /// <summary>client or server when the patch was not applied on purpose.</summary>
    public DryRunMode Mode { get; init; } = DryRun ? DryRunMode.Client : DryRunMode.None;

    /// <summary>Who the patch was sent as (null when nothing was sent).</summary>
    public ClusterIdentity? Identity { get; init; }

    /// <summary>The fields the patch changed, or would change (server dry run).</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    public JsonObject ToJson() => new()
    {
        ["action"] = Action,
        ["kind"] = Patch?.Kind,
        ["namespace"] = Patch?.Namespace,
        ["name"] = Patch?.Name,
        ["patchType"] = Patch?.PatchType,
        ["patch"] = Patch?.Body,
        ["description"] = Patch?.Description,
        ["applied"] = Applied,
        ["dryRun"] = DryRun,
        ["dryRunMode"] = Mode == DryRunMode.None ? null : Mode.ToString().ToLowerInvariant(),
        ["actingAs"] = Identity is { } who ? new JsonObject { ["user"] = who.User, ["context"] = who.Context, ["server"] = who.Server } : null,
        ["changes"] = new JsonArray([.. Changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["before"] = c.Before, ["after"] = c.After })]),
        ["result"] = Result,
    };
}

/// <summary>
/// Applies a promote or rollback decision to the cluster (--act), prints the patch (--dry-run), or has the API
/// server validate it without storing it (--dry-run=server). Before anything is sent, the log names the identity.
/// </summary>
internal static class DecisionActor
{
    public static async Task<ActionRecord> ActAsync(CanaryDecision decision, TargetStatus target, KubernetesCluster cluster, DryRunMode mode, TextWriter log, CancellationToken ct)
    {
        var dryRun = mode != DryRunMode.None;
        if (decision == CanaryDecision.Inconclusive)
        {
            return new ActionRecord("none", null, false, dryRun, "no action: the analysis was inconclusive, the canary is left as it is") { Mode = mode };
        }

        var action = decision == CanaryDecision.Promote ? "promote" : "rollback";
        var patch = decision == CanaryDecision.Promote ? TargetActions.Promote(target) : TargetActions.Rollback(target);
        if (patch is null)
        {
            return new ActionRecord(action, null, false, dryRun, "no action: the canary's image is unknown, so the stable twin cannot be updated") { Mode = mode };
        }

        var what = $"{action}: PATCH {patch.Kind.ToLowerInvariant()} {patch.Namespace}/{patch.Name} ({patch.PatchType}) {patch.Body}";
        if (mode == DryRunMode.Client)
        {
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: dry run, not applied: {what}");
            return new ActionRecord(action, patch, false, true, $"dry run: {patch.Description}");
        }

        var record = new ActionRecord(action, patch, false, dryRun, "") { Mode = mode, Identity = cluster.Identity };
        await log.WriteLineAsync($"{CanaryValidateCommand.Name}: acting as {cluster.Identity} in namespace {patch.Namespace}" +
            (mode == DryRunMode.Server ? " (server dry run: dryRun=All, nothing is stored)" : ""));
        try
        {
            var outcome = await cluster.ApplyAsync(patch, ct, serverDryRun: mode == DryRunMode.Server);
            var heading = mode == DryRunMode.Server ? "server dry run, validated and not stored" : "applied";
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: {heading}: {what}");
            foreach (var change in outcome.Changes)
            {
                await log.WriteLineAsync($"  {change}");
            }

            var changes = outcome.Changes.Count == 0 ? " (no field changes)" : $" ({string.Join("; ", outcome.Changes)})";
            return record with
            {
                Applied = mode == DryRunMode.None,
                Changes = outcome.Changes,
                Result = mode == DryRunMode.Server
                    ? $"server dry run: the API server accepted the patch and stored nothing: {patch.Description}{changes}"
                    : $"applied: {patch.Description}{changes}",
            };
        }
        catch (TargetUnavailableException e)
        {
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: error: {e.Message}");
            return record with { Result = $"failed: {e.Message}" };
        }
    }
}
