using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Testing.Fakes.Kubernetes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// A stand-in for the Kubernetes API server on 127.0.0.1 that keeps the objects it was given and applies patches
/// to them as the API server does: JSON patch (RFC 6902, a remove or replace of a missing path is 422), merge patch
/// (RFC 7386) and strategic merge patch (built-in kinds only: containers merged by name; 415 on custom resources).
/// It requires the bearer token (401), answers unknown objects with 404, a stale resourceVersion with 409, an
/// unknown Content-Type with 415 and verbs the tools never send with 405, each with a Status body. A patched object is
/// validated (<see cref="ObjectRules"/>, 422) before it is stored; with <c>dryRun=All</c> it is validated and
/// returned but not stored (any other dryRun value is 422, as PatchOptions validation answers). Pods are listed
/// by a real label selector. <see cref="Calls"/> are the requests as RBAC sees them. A kubeconfig pointing at it is written to a temporary folder.
/// </summary>
public sealed class FakeKubernetes : IDisposable
{
    public const string Token = "test-token";

    private static readonly Resource Deployments = new("apps", "apps/v1", "deployments", "Deployment", BuiltIn: true);
    private static readonly Resource InferenceServices = new("serving.kserve.io", "serving.kserve.io/v1beta1", "inferenceservices", "InferenceService", BuiltIn: false);
    private static readonly Resource PodsResource = new("", "v1", "pods", "Pod", BuiltIn: true);

    private readonly Dictionary<string, JsonNode> objects = new(StringComparer.Ordinal);
    private readonly LocalHttpServer server;
    private readonly TempFolder folder = new();

    public FakeKubernetes()
    {
        server = new LocalHttpServer(Answer);
        Kubeconfig = folder.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {server.BaseUrl}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: ci
                namespace: ai-production
            current-context: fake
            users:
            - name: ci
              user:
                token: {Token}
            """);
    }

    public string Kubeconfig { get; }

    public string BaseUrl => server.BaseUrl;

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    /// <summary>The patches that were meant to be stored (server-side dry runs, with dryRun=All, are not among them).</summary>
    public IEnumerable<FakeRequest> Patches => server.Requests.Where(r => r.Method == "PATCH" && !r.Query.ContainsKey("dryRun"));

    /// <summary>The patches sent with the dryRun query parameter.</summary>
    public IEnumerable<FakeRequest> DryRunPatches => server.Requests.Where(r => r.Method == "PATCH" && r.Query.ContainsKey("dryRun"));

    /// <summary>Every request as the API server's authorizer sees it: verb, API group, resource, namespace, name.</summary>
    public IReadOnlyList<KubernetesApiCall> Calls => [.. server.Requests.Select(KubernetesApiCall.Of)];

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public FakeKubernetes Deployment(string name, string fixture, string ns = "ai-production") => Store(Deployments, ns, name, JsonNode.Parse(Fixture(fixture))!);

    public FakeKubernetes InferenceService(string name, string fixture, string ns = "ai-production") => Store(InferenceServices, ns, name, JsonNode.Parse(Fixture(fixture))!);

    /// <summary>Stores the pods of a PodList fixture, labelled so that <paramref name="labelSelector"/> selects them.</summary>
    public FakeKubernetes Pods(string labelSelector, string fixture, string ns = "ai-production")
    {
        foreach (var pod in JsonNode.Parse(Fixture(fixture))!["items"]!.AsArray())
        {
            var metadata = pod!["metadata"]!.AsObject();
            var labels = metadata["labels"] as JsonObject ?? [];
            foreach (var (key, value) in LabelSelector.EqualityLabels(labelSelector))
            {
                labels[key] = value;
            }

            metadata["labels"] = labels.DeepClone();
            Store(PodsResource, ns, metadata["name"]!.GetValue<string>(), pod.DeepClone());
        }

        return this;
    }

    /// <summary>The Deployment as the server holds it now, or null.</summary>
    public JsonNode? StoredDeployment(string name, string ns = "ai-production") => objects.GetValueOrDefault(Deployments.ItemPath(ns, name))?.DeepClone();

    /// <summary>The InferenceService as the server holds it now, or null.</summary>
    public JsonNode? StoredInferenceService(string name, string ns = "ai-production") => objects.GetValueOrDefault(InferenceServices.ItemPath(ns, name))?.DeepClone();

    public void Dispose()
    {
        server.Dispose();
        folder.Dispose();
    }

    private FakeKubernetes Store(Resource resource, string ns, string name, JsonNode json)
    {
        var metadata = json["metadata"]!.AsObject();
        metadata["resourceVersion"] ??= "1000";
        objects[resource.ItemPath(ns, name)] = json;
        return this;
    }

    private FakeResponse Answer(FakeRequest request)
    {
        if (request.Authorization != $"Bearer {Token}")
        {
            return KubernetesStatus.Failure(401, "Unauthorized", "Unauthorized");
        }

        var segments = request.RawPath.Trim('/').Split('/');
        var route = Route(segments);
        if (route is not var (resource, ns, name))
        {
            return KubernetesStatus.Failure(404, "NotFound", "the server could not find the requested resource");
        }

        if (name is null)
        {
            return request.Method == "GET" && resource == PodsResource
                ? ListPods(ns, request.Query.GetValueOrDefault("labelSelector", ""))
                : NotAllowed();
        }

        var path = resource.ItemPath(ns, name);
        if (request.Method is not ("GET" or "PATCH"))
        {
            return NotAllowed();
        }

        if (!objects.TryGetValue(path, out var stored))
        {
            return KubernetesStatus.Failure(404, "NotFound", $"{resource.Qualified} \"{name}\" not found", KubernetesStatus.Details(name, resource.Group, resource.Plural));
        }

        return request.Method == "GET" ? FakeResponse.Json(200, stored.DeepClone()) : Patch(request, resource, path, name, stored);
    }

    private FakeResponse Patch(FakeRequest request, Resource resource, string path, string name, JsonNode stored)
    {
        var contentType = (request.Header("Content-Type") ?? "").Split(';')[0].Trim();
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException e)
        {
            return KubernetesStatus.Failure(400, "BadRequest", e.Message);
        }

        if (DryRunProblem(request) is { } invalid)
        {
            return invalid;
        }

        var dryRun = request.Query.ContainsKey("dryRun");
        JsonNode patched;
        try
        {
            patched = contentType switch
            {
                "application/json-patch+json" when body is JsonArray operations => JsonPatch.Apply(stored, operations),
                "application/json-patch+json" => throw new BadPatch("json: cannot unmarshal object into Go value of type jsonpatch.Patch"),
                "application/merge-patch+json" => MergePatch.Apply(stored, body)!,
                "application/strategic-merge-patch+json" when resource.BuiltIn => MergePatch.Apply(stored, body, MergePatch.StrategicKeys)!,
                _ => throw new UnsupportedPatch(resource.BuiltIn),
            };
        }
        catch (UnsupportedPatch e)
        {
            return KubernetesStatus.Failure(415, "UnsupportedMediaType", e.Message);
        }
        catch (BadPatch e)
        {
            return KubernetesStatus.Failure(400, "BadRequest", e.Message);
        }
        catch (PatchRejectedException e)
        {
            return KubernetesStatus.Failure(422, "Invalid", "the server rejected our request due to an error in our request", KubernetesStatus.Details(name, resource.Group, resource.Plural, e.Message));
        }

        var current = stored["metadata"]!["resourceVersion"]!.GetValue<string>();
        var sent = patched["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (sent is not null && sent != current)
        {
            return KubernetesStatus.Failure(409, "Conflict",
                $"Operation cannot be fulfilled on {resource.Qualified} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
                KubernetesStatus.Details(name, resource.Group, resource.Plural));
        }

        if (patched["metadata"]?["name"]?.GetValue<string>() != name || patched["kind"]?.GetValue<string>() != resource.Kind)
        {
            return KubernetesStatus.Failure(422, "Invalid", $"{resource.Kind}.{resource.Group} \"{name}\" is invalid: metadata.name or kind may not be changed by a patch", KubernetesStatus.Details(name, resource.Group, resource.Kind));
        }

        if (ObjectRules.Problems(resource.Kind, patched) is { Count: > 0 } problems)
        {
            return KubernetesStatus.Failure(422, "Invalid", $"{resource.Kind}.{resource.Group} \"{name}\" is invalid: {string.Join(", ", problems)}",
                KubernetesStatus.Details(name, resource.Group, resource.Kind, string.Join(", ", problems)));
        }

        var metadata = patched["metadata"]!.AsObject();
        if (!JsonNode.DeepEquals(stored["spec"], patched["spec"]))
        {
            metadata["generation"] = (metadata["generation"]?.GetValue<long>() ?? 1) + 1;
        }

        if (dryRun)
        {
            // As the dry-run storage answers: the updated object, with the stored resourceVersion, and nothing written.
            metadata["resourceVersion"] = current;
            return FakeResponse.Json(200, patched.DeepClone());
        }

        metadata["resourceVersion"] = (long.Parse(current, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        objects[path] = patched;
        return FakeResponse.Json(200, patched.DeepClone());
    }

    /// <summary>
    /// The dryRun query parameter as the API server checks PatchOptions: every value must be "All" (a repeated
    /// parameter gives several values); anything else, the empty value included, is 422 Invalid on PatchOptions.meta.k8s.io.
    /// </summary>
    private static FakeResponse? DryRunProblem(FakeRequest request)
    {
        if (!request.Query.TryGetValue("dryRun", out var joined))
        {
            return null;
        }

        var values = joined.Split(',');
        if (values.All(v => v == "All"))
        {
            return null;
        }

        var detail = $"Unsupported value: [{string.Join(", ", values.Select(v => $"\"{v}\""))}]: supported values: \"All\"";
        return KubernetesStatus.Failure(422, "Invalid", $"PatchOptions.meta.k8s.io \"\" is invalid: dryRun: {detail}", new JsonObject
        {
            ["group"] = "meta.k8s.io",
            ["kind"] = "PatchOptions",
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueNotSupported", ["message"] = detail, ["field"] = "dryRun" }),
        });
    }

    private FakeResponse ListPods(string ns, string labelSelector)
    {
        LabelSelector selector;
        try
        {
            selector = LabelSelector.Parse(labelSelector);
        }
        catch (FormatException e)
        {
            return KubernetesStatus.Failure(400, "BadRequest", e.Message);
        }

        var prefix = PodsResource.ItemPath(ns, "");
        var items = objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && selector.Matches(o.Value["metadata"]?["labels"]))
            .Select(o => o.Value.DeepClone());
        return FakeResponse.Json(200, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PodList",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray([.. items]),
        });
    }

    private static FakeResponse NotAllowed() => KubernetesStatus.Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    private static (Resource Resource, string Namespace, string? Name)? Route(string[] s)
    {
        // /api/v1/namespaces/{ns}/pods[/{name}] and /apis/{group}/{version}/namespaces/{ns}/{plural}/{name}
        var (resource, rest) = s switch
        {
            ["api", "v1", "namespaces", _, "pods", ..] => (PodsResource, s[3..]),
            ["apis", "apps", "v1", "namespaces", _, "deployments", ..] => (Deployments, s[4..]),
            ["apis", "serving.kserve.io", "v1beta1", "namespaces", _, "inferenceservices", ..] => (InferenceServices, s[4..]),
            _ => (null, []),
        };
        return resource is null || rest.Length > 3 ? null : (resource, rest[0], rest.Length == 3 ? rest[2] : null);
    }

    private sealed record Resource(string Group, string ApiVersion, string Plural, string Kind, bool BuiltIn)
    {
        public string Qualified => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

        public string ItemPath(string ns, string name) => Group.Length == 0
            ? $"/api/{ApiVersion}/namespaces/{ns}/{Plural}/{name}"
            : $"/apis/{ApiVersion}/namespaces/{ns}/{Plural}/{name}";
    }

    private sealed class UnsupportedPatch(bool builtIn) : Exception(
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
        + (builtIn ? ", application/strategic-merge-patch+json" : ""));

    private sealed class BadPatch(string message) : Exception(message);
}
