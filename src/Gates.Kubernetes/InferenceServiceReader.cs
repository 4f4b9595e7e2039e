using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Gates.Kubernetes;

/// <summary>
/// Reads a KServe InferenceService and finds its canary and baseline from the status: in Serverless mode the
/// latest created revision against the latest rolled-out one (traffic[] tells the routed split); in
/// RawDeployment mode the spec.canary[] entry and its canaryStatuses[]. Pods of the canary are checked for crash loops.
/// </summary>
internal sealed class InferenceServiceReader(IKubernetes client)
{
    public async Task<TargetStatus> ReadAsync(string ns, string name, CancellationToken ct)
    {
        var isvc = await GetAsync(ns, name, ct);
        var mode = ModeOf(isvc);
        var status = mode == "Serverless" ? Serverless(isvc, ns, name) : Raw(isvc, ns, name);
        var selector = mode == "Serverless"
            ? $"{KServe.RevisionLabel}={status.CanaryName}"
            : await DeploymentSelectorAsync(ns, status.CanaryName, ct);
        var health = PodHealth.Of(await PodsAsync(ns, selector, ct));
        var failures = status.Failures.Concat(health.Failures).ToList();
        return status with
        {
            Failures = failures,
            CanaryRestarts = health.Restarts,
            NotReady = status.CanaryReady ? status.NotReady : [.. status.NotReady, .. health.NotReady],
        };
    }

    public static string ModeOf(JsonNode isvc)
    {
        var annotation = isvc["metadata"]?["annotations"]?[KServe.ModeAnnotation]?.GetValue<string>();
        return annotation switch
        {
            "RawDeployment" or "Standard" => "RawDeployment",
            "Serverless" or "Knative" => "Serverless",
            _ => isvc["status"]?["components"]?["predictor"]?["traffic"] is JsonArray ? "Serverless" : "RawDeployment",
        };
    }

    private static TargetStatus Serverless(JsonNode isvc, string ns, string name)
    {
        var predictor = isvc["status"]?["components"]?["predictor"];
        var created = Text(predictor?["latestCreatedRevision"]);
        var ready = Text(predictor?["latestReadyRevision"]);
        var rolledOut = Text(predictor?["latestRolledoutRevision"]) ?? Text(predictor?["previousRolledoutRevision"]);
        if (created is null || rolledOut is null || created == rolledOut)
        {
            throw new Core.GateInputException($"inferenceservice {ns}/{name} has no canary to validate: latestCreatedRevision is " +
                $"'{created ?? "unset"}' and latestRolledoutRevision '{rolledOut ?? "unset"}' (set spec.predictor.canaryTrafficPercent and roll out a new version)");
        }

        var percent = Number(isvc["spec"]?["predictor"]?["canaryTrafficPercent"]);
        var routed = (predictor?["traffic"] as JsonArray ?? [])
            .Where(t => Text(t?["revisionName"]) == created)
            .Sum(t => Number(t?["percent"]) ?? 0);
        var notReady = new List<string>();
        if (ready != created)
        {
            notReady.Add($"revision {created} is not ready yet (latestReadyRevision is {ready ?? "unset"})");
        }

        if (Condition(isvc, "PredictorReady") is { } c && Text(c["status"]) != "True")
        {
            notReady.Add($"PredictorReady is {Text(c["status"])}: {Text(c["reason"])} {Text(c["message"])}".TrimEnd());
        }

        var warnings = new List<string>();
        if (percent is { } p && Math.Abs(routed - p) > 0.5 && notReady.Count == 0)
        {
            warnings.Add($"traffic[] routes {routed}% to {created}, but canaryTrafficPercent is {p}%");
        }

        return new TargetStatus
        {
            Kind = "InferenceService",
            Namespace = ns,
            ObjectName = name,
            Mode = "Serverless",
            CanaryName = created,
            BaselineName = rolledOut,
            CanaryReady = notReady.Count == 0,
            NotReady = notReady,
            Failures = ModelFailures(isvc),
            Warnings = warnings,
            ConfiguredCanaryShare = percent / 100,
            RoutedCanaryShare = routed / 100,
        };
    }

    private static TargetStatus Raw(JsonNode isvc, string ns, string name)
    {
        var entry = (isvc["spec"]?["canary"] as JsonArray)?.FirstOrDefault();
        var percent = Number(isvc["spec"]?["predictor"]?["canaryTrafficPercent"]);
        var warnings = new List<string>();
        if (percent is not null)
        {
            warnings.Add($"spec.predictor.canaryTrafficPercent ({percent}) is ignored in RawDeployment mode: KServe sends all traffic to the new version " +
                "unless spec.canary[] (KServe 0.20+) defines a canary");
        }

        if (entry is null)
        {
            throw new Core.GateInputException($"inferenceservice {ns}/{name} runs in RawDeployment mode and has no spec.canary[] entry, so there is no canary to validate" +
                (warnings.Count > 0 ? $"; {warnings[0]}" : ""));
        }

        var canaryName = Text(entry["predictor"]?["name"]) ?? Text(entry["name"]) ?? "canary";
        var status = (isvc["status"]?["canaryStatuses"] as JsonArray ?? []).FirstOrDefault(s => Text(s?["name"]) == canaryName);
        var notReady = new List<string>();
        if (status is null || status["ready"]?.GetValue<bool>() != true)
        {
            notReady.Add($"canary {canaryName} is not ready (canaryStatuses)");
        }

        if (Condition(isvc, "CanaryPredictorReady") is { } c && Text(c["status"]) != "True")
        {
            notReady.Add($"CanaryPredictorReady is {Text(c["status"])}: {Text(c["reason"])} {Text(c["message"])}".TrimEnd());
        }

        var configured = Number(entry["trafficPercent"]);
        return new TargetStatus
        {
            Kind = "InferenceService",
            Namespace = ns,
            ObjectName = name,
            Mode = "RawDeployment",
            CanaryEntry = canaryName,
            CanaryName = $"{name}-{canaryName}-predictor",
            BaselineName = $"{name}-predictor",
            CanaryReady = notReady.Count == 0,
            NotReady = notReady,
            Failures = ModelFailures(isvc),
            Warnings = warnings,
            ConfiguredCanaryShare = configured / 100,
            RoutedCanaryShare = Number(status?["trafficPercent"]) / 100,
        };
    }

    private static List<string> ModelFailures(JsonNode isvc)
    {
        var model = isvc["status"]?["modelStatus"];
        var transition = Text(model?["transitionStatus"]);
        if (transition is "BlockedByFailedLoad" or "InvalidSpec")
        {
            var info = model?["lastFailureInfo"];
            return [$"model status {transition}: {Text(info?["reason"])} {Text(info?["message"])}".TrimEnd()];
        }

        return [];
    }

    private static JsonNode? Condition(JsonNode isvc, string type) =>
        (isvc["status"]?["conditions"] as JsonArray ?? []).FirstOrDefault(c => Text(c?["type"]) == type);

    private async Task<JsonNode> GetAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            var element = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(KServe.Group, KServe.Version, ns, KServe.Plural, name, ct);
            return JsonNode.Parse(element.GetRawText()) ?? throw new TargetUnavailableException($"inferenceservice {ns}/{name}: empty answer");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new Core.GateInputException($"inferenceservice {ns}/{name} does not exist");
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"cannot read inferenceservice {ns}/{name}: {e.Message}", e);
        }
    }

    /// <summary>The label selector of the canary's Deployment (RawDeployment mode creates {isvc}-{canary}-predictor).</summary>
    private async Task<string?> DeploymentSelectorAsync(string ns, string deployment, CancellationToken ct)
    {
        try
        {
            var labels = (await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: ct)).Spec?.Selector?.MatchLabels;
            return labels is { Count: > 0 } ? string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")) : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"cannot read deployment {ns}/{deployment}: {e.Message}", e);
        }
    }

    private async Task<IList<V1Pod>> PodsAsync(string ns, string? selector, CancellationToken ct)
    {
        if (selector is null)
        {
            return [];
        }

        try
        {
            return (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: ct)).Items;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            throw new TargetUnavailableException($"cannot list pods ({selector}) in {ns}: {e.Message}", e);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
