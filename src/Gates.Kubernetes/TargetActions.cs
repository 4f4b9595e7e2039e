using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Gates.Kubernetes;

/// <summary>
/// The patches that apply a decision. KServe serverless: canaryTrafficPercent 0 to roll back, removed to promote.
/// KServe RawDeployment with spec.canary[]: remove the entry to roll back; to promote, move its predictor into
/// spec.predictor (replacing the old one) and remove the entry.
/// Deployments: scale the canary to zero to roll back, give the stable twin the canary's image to promote.
/// </summary>
public static class TargetActions
{
    public static TargetPatch Rollback(TargetStatus target) => target switch
    {
        { Kind: "InferenceService", Mode: "Serverless" } => Patch(target, target.ObjectName!, "merge",
            new JsonObject { ["spec"] = new JsonObject { ["predictor"] = new JsonObject { ["canaryTrafficPercent"] = 0 } } },
            $"send all traffic back to {target.BaselineName}: canaryTrafficPercent 0"),
        { Kind: "InferenceService" } => Patch(target, target.ObjectName!, "json",
            new JsonArray(new JsonObject { ["op"] = "remove", ["path"] = "/spec/canary/0" }),
            $"remove the canary entry '{target.CanaryEntry}' from spec.canary"),
        _ => Patch(target, target.CanaryName, "merge",
            new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 0 } },
            $"scale deployment {target.CanaryName} to zero"),
    };

    public static TargetPatch? Promote(TargetStatus target) => target switch
    {
        { Kind: "InferenceService", Mode: "Serverless" } => Patch(target, target.ObjectName!, "merge",
            new JsonObject { ["spec"] = new JsonObject { ["predictor"] = new JsonObject { ["canaryTrafficPercent"] = null } } },
            $"promote {target.CanaryName} to all traffic: remove canaryTrafficPercent"),
        { Kind: "InferenceService" } => Patch(target, target.ObjectName!, "json",
            new JsonArray(
                new JsonObject { ["op"] = "move", ["from"] = "/spec/canary/0/predictor", ["path"] = "/spec/predictor" },
                new JsonObject { ["op"] = "remove", ["path"] = "/spec/canary/0" }),
            $"make canary '{target.CanaryEntry}' the predictor and remove its spec.canary entry"),
        { CanaryImage: { } image, CanaryContainer: { } container } => Patch(target, target.BaselineName, "strategic",
            new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["template"] = new JsonObject
                    {
                        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = container, ["image"] = image }) },
                    },
                },
            },
            $"set the image of {target.BaselineName} container {container} to {image}"),
        _ => null,
    };

    internal static async Task ApplyAsync(IKubernetes client, TargetPatch patch, CancellationToken ct)
    {
        var type = patch.PatchType switch
        {
            "json" => V1Patch.PatchType.JsonPatch,
            "strategic" => V1Patch.PatchType.StrategicMergePatch,
            _ => V1Patch.PatchType.MergePatch,
        };
        var body = new V1Patch(patch.Body, type);
        try
        {
            if (patch.Kind == "InferenceService")
            {
                await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(body, KServe.Group, KServe.Version, patch.Namespace, KServe.Plural, patch.Name, cancellationToken: ct);
            }
            else
            {
                await client.AppsV1.PatchNamespacedDeploymentAsync(body, patch.Name, patch.Namespace, cancellationToken: ct);
            }
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"patch of {patch.Kind.ToLowerInvariant()} {patch.Namespace}/{patch.Name} failed: {e.Message}", e);
        }
    }

    private static TargetPatch Patch(TargetStatus target, string name, string type, JsonNode body, string description) => new()
    {
        Kind = target.Kind,
        Namespace = target.Namespace,
        Name = name,
        PatchType = type,
        Body = body.ToJsonString(),
        Description = description,
    };
}
