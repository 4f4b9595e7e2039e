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

    /// <summary>The value of the API's dryRun query parameter that validates a write without storing it (the only one the server accepts).</summary>
    public const string DryRunAll = "All";

    internal static async Task<PatchOutcome> ApplyAsync(IKubernetes client, TargetPatch patch, bool serverDryRun, CancellationToken ct)
    {
        var type = patch.PatchType switch
        {
            "json" => V1Patch.PatchType.JsonPatch,
            "strategic" => V1Patch.PatchType.StrategicMergePatch,
            _ => V1Patch.PatchType.MergePatch,
        };
        var body = new V1Patch(patch.Body, type);
        var dryRun = serverDryRun ? DryRunAll : null;
        try
        {
            JsonNode? before, after;
            if (patch.Kind == "InferenceService")
            {
                before = Json(await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(KServe.Group, KServe.Version, patch.Namespace, KServe.Plural, patch.Name, ct));
                after = Json(await client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(body, KServe.Group, KServe.Version, patch.Namespace, KServe.Plural, patch.Name, dryRun: dryRun, cancellationToken: ct));
            }
            else
            {
                before = JsonNode.Parse(KubernetesJson.Serialize(await client.AppsV1.ReadNamespacedDeploymentAsync(patch.Name, patch.Namespace, cancellationToken: ct)));
                after = JsonNode.Parse(KubernetesJson.Serialize(await client.AppsV1.PatchNamespacedDeploymentAsync(body, patch.Name, patch.Namespace, dryRun: dryRun, cancellationToken: ct)));
            }

            return new PatchOutcome(serverDryRun, FieldChange.Between(before, after));
        }
        catch (HttpOperationException e)
        {
            var said = ServerMessage(e.Response.Content);
            throw new TargetUnavailableException($"{(serverDryRun ? "server dry run of the patch" : "patch")} of {patch.Kind.ToLowerInvariant()} {patch.Namespace}/{patch.Name} " +
                $"failed: {e.Message}{(said is null ? "" : $": {said}")}", e);
        }
        catch (HttpRequestException e)
        {
            throw new TargetUnavailableException($"patch of {patch.Kind.ToLowerInvariant()} {patch.Namespace}/{patch.Name} failed: {e.Message}", e);
        }
    }

    private static JsonNode? Json(JsonElement element) => JsonNode.Parse(element.GetRawText());

    /// <summary>The message of the Status object the API server answers errors with, when the body is one.</summary>
    private static string? ServerMessage(string? content)
    {
        try
        {
            return content is { Length: > 0 } ? JsonNode.Parse(content)?["message"]?.GetValue<string>() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
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
