using System.Text.Json.Nodes;
using Gates.CanaryValidate.Analysis;
using Gates.Kubernetes;

namespace Gates.CanaryValidate.Target;

/// <summary>One action taken (or printed) to apply the decision, as recorded in the report.</summary>
internal sealed record ActionRecord(string Action, TargetPatch? Patch, bool Applied, bool DryRun, string Result)
{
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
        ["result"] = Result,
    };
}

/// <summary>Applies a promote or rollback decision to the cluster (--act), or prints the patch (--dry-run).</summary>
internal static class DecisionActor
{
    public static async Task<ActionRecord> ActAsync(CanaryDecision decision, TargetStatus target, KubernetesCluster cluster, bool dryRun, TextWriter log, CancellationToken ct)
    {
        if (decision == CanaryDecision.Inconclusive)
        {
            return new ActionRecord("none", null, false, dryRun, "no action: the analysis was inconclusive, the canary is left as it is");
        }

        var action = decision == CanaryDecision.Promote ? "promote" : "rollback";
        var patch = decision == CanaryDecision.Promote ? TargetActions.Promote(target) : TargetActions.Rollback(target);
        if (patch is null)
        {
            return new ActionRecord(action, null, false, dryRun, "no action: the canary's image is unknown, so the stable twin cannot be updated");
        }

        var what = $"{action}: PATCH {patch.Kind.ToLowerInvariant()} {patch.Namespace}/{patch.Name} ({patch.PatchType}) {patch.Body}";
        if (dryRun)
        {
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: dry run, not applied: {what}");
            return new ActionRecord(action, patch, false, true, $"dry run: {patch.Description}");
        }

        try
        {
            await cluster.ApplyAsync(patch, ct);
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: applied: {what}");
            return new ActionRecord(action, patch, true, false, $"applied: {patch.Description}");
        }
        catch (TargetUnavailableException e)
        {
            await log.WriteLineAsync($"{CanaryValidateCommand.Name}: error: {e.Message}");
            return new ActionRecord(action, patch, false, false, $"failed: {e.Message}");
        }
    }
}
