using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>
/// The validation the API server runs on a patched object before it stores it (or, in a dry run, before it answers),
/// for the fields the tools write: apps/v1 Deployment validation (replicas not negative, at least one container,
/// each with a name and an image) and the KServe v0.20 InferenceService CRD schema (spec.predictor required,
/// canaryTrafficPercent an integer). Each problem is worded as the API server words a field error.
/// </summary>
public static class ObjectRules
{
    public static IReadOnlyList<string> Problems(string kind, JsonNode patched) => kind switch
    {
        "Deployment" => Deployment(patched),
        "InferenceService" => InferenceService(patched),
        _ => [],
    };

    private static List<string> Deployment(JsonNode deployment)
    {
        var problems = new List<string>();
        var replicas = deployment["spec"]?["replicas"];
        if (replicas is not null && (!IsInteger(replicas) || replicas.GetValue<long>() < 0))
        {
            problems.Add($"spec.replicas: Invalid value: {replicas.ToJsonString()}: must be greater than or equal to 0");
        }

        var containers = deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray;
        if (containers is null || containers.Count == 0)
        {
            problems.Add("spec.template.spec.containers: Required value");
            return problems;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            foreach (var field in new[] { "name", "image" })
            {
                if (containers[i]?[field] is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Trim().Length == 0)
                {
                    problems.Add($"spec.template.spec.containers[{i}].{field}: Required value");
                }
            }
        }

        return problems;
    }

    private static List<string> InferenceService(JsonNode isvc)
    {
        var problems = new List<string>();
        if (isvc["spec"]?["predictor"] is not JsonObject)
        {
            problems.Add("spec.predictor: Required value");
        }

        var percent = isvc["spec"]?["predictor"]?["canaryTrafficPercent"];
        if (percent is not null && !IsInteger(percent))
        {
            var type = percent.GetValueKind() == JsonValueKind.String ? "string" : percent.GetValueKind().ToString().ToLowerInvariant();
            problems.Add($"spec.predictor.canaryTrafficPercent: Invalid value: \"{type}\": spec.predictor.canaryTrafficPercent in body must be of type integer: \"{type}\"");
        }

        return problems;
    }

    private static bool IsInteger(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _);
}
