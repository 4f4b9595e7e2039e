using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Kubeflow Model Registry's REST server (kubeflow/model-registry, api/openapi/model-registry.yaml v1alpha3 and
/// internal/server/openapi), with state: registered models, model versions and model artifacts with numeric string
/// ids. <c>GET registered_model?name=</c> and <c>GET model_version?name=&amp;parentResourceId=</c> answer one entity
/// or 404 <c>{"code": "Not Found", "message": "no registered models found for name=X, externalId=: not found"}</c>
/// (400 "invalid parameters call, …: bad request" without the parameters); <c>GET model_versions/{id}/artifacts</c>
/// lists artifacts; <c>PATCH registered_models/{id}</c> and <c>PATCH model_versions/{id}</c> decode strictly
/// (an unknown field is 400 <c>json: unknown field "x"</c>), replace the whole customProperties map when given,
/// and check each MetadataValue. With a token, a request without it gets the proxy's 401; with a read-only token,
/// a PATCH gets Istio's 403 "RBAC: access denied".
/// </summary>
public sealed class FakeKubeflowRegistry : IDisposable
{
    public const string Api = "/api/model_registry/v1alpha3/";

    private static readonly HashSet<string> ModelUpdateFields = ["customProperties", "description", "externalId", "owner", "state", "readme", "maturity",
        "language", "tasks", "provider", "logo", "license", "licenseLink", "libraryName"];

    private static readonly HashSet<string> VersionUpdateFields = ["customProperties", "description", "externalId", "state", "author"];

    private static readonly Dictionary<string, string> ValueFields = new()
    {
        ["MetadataStringValue"] = "string_value",
        ["MetadataIntValue"] = "int_value",
        ["MetadataDoubleValue"] = "double_value",
        ["MetadataBoolValue"] = "bool_value",
        ["MetadataStructValue"] = "struct_value",
        ["MetadataProtoValue"] = "proto_value",
    };

    private readonly LocalHttpServer server;
    private readonly List<JsonObject> models = [];
    private readonly List<JsonObject> versions = [];
    private readonly List<JsonObject> artifacts = [];
    private readonly object state = new();
    private int nextId = 1;

    public FakeKubeflowRegistry(string? token = null, string? readOnlyToken = null)
    {
        server = new LocalHttpServer(request => Answer(request, token, readOnlyToken));
    }

    public Uri Url => server.BaseAddress;

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    /// <summary>Runs before each request is applied: a test changes state here to play a second writer.</summary>
    public Action<FakeRequest>? BeforeRequest { get; set; }

    public void Dispose() => server.Dispose();

    public void FailNext(FakeResponse response) => server.FailNext(response);

    /// <summary>Registers a version (and its model when new) with one model artifact at <paramref name="uri"/>.</summary>
    public string AddVersion(string model, string version, string uri, IReadOnlyDictionary<string, string>? properties = null, string state = "LIVE")
    {
        lock (this.state)
        {
            var rm = models.FirstOrDefault(m => Name(m) == model) ?? Add(models, new JsonObject { ["name"] = model, ["state"] = "LIVE", ["customProperties"] = new JsonObject() });
            var mv = Add(versions, new JsonObject
            {
                ["name"] = version,
                ["registeredModelId"] = Id(rm),
                ["state"] = state,
                ["customProperties"] = Strings(properties ?? new Dictionary<string, string>()),
            });
            Add(artifacts, new JsonObject { ["name"] = $"{model}-{version}", ["artifactType"] = "model-artifact", ["uri"] = uri, ["parent"] = Id(mv), ["customProperties"] = new JsonObject() });
            return Id(mv);
        }
    }

    /// <summary>A string custom property of a registered model, or null.</summary>
    public string? ModelProperty(string model, string key)
    {
        lock (state)
        {
            return models.First(m => Name(m) == model)["customProperties"]?[key]?["string_value"]?.GetValue<string>();
        }
    }

    public string? VersionProperty(string model, string version, string key)
    {
        lock (state)
        {
            return FindVersion(model, version)["customProperties"]?[key]?["string_value"]?.GetValue<string>();
        }
    }

    /// <summary>Sets a string custom property of a registered model directly, as another writer would.</summary>
    public void SetModelProperty(string model, string key, string value)
    {
        lock (state)
        {
            models.First(m => Name(m) == model)["customProperties"]![key] = new JsonObject { ["string_value"] = value, ["metadataType"] = "MetadataStringValue" };
        }
    }

    private JsonObject FindVersion(string model, string version)
    {
        var rm = models.First(m => Name(m) == model);
        return versions.First(v => Name(v) == version && v["registeredModelId"]!.GetValue<string>() == Id(rm));
    }

    private FakeResponse Answer(FakeRequest request, string? token, string? readOnlyToken)
    {
        var bearer = request.Authorization;
        if (token is not null && bearer != $"Bearer {token}" && (readOnlyToken is null || bearer != $"Bearer {readOnlyToken}"))
        {
            return FakeResponse.Text(401, "Unauthorized\n");
        }

        if (readOnlyToken is not null && bearer == $"Bearer {readOnlyToken}" && request.Method != "GET")
        {
            return FakeResponse.Text(403, "RBAC: access denied");
        }

        BeforeRequest?.Invoke(request);
        var path = request.RawPath.StartsWith(Api, StringComparison.Ordinal) ? request.RawPath[Api.Length..] : null;
        var parts = path?.Split('/') ?? [];
        lock (state)
        {
            return (request.Method, parts) switch
            {
                ("GET", ["registered_model"]) => FindModel(request.Query),
                ("GET", ["model_version"]) => FindVersion(request.Query),
                ("GET", ["model_versions", var id, "artifacts"]) => Artifacts(id),
                ("PATCH", ["registered_models", var id]) => Patch(models, id, request.Body, ModelUpdateFields, "registered model"),
                ("PATCH", ["model_versions", var id]) => Patch(versions, id, request.Body, VersionUpdateFields, "model version"),
                _ => FakeResponse.Text(404, "404 page not found\n"),
            };
        }
    }

    private FakeResponse FindModel(IReadOnlyDictionary<string, string> query)
    {
        var name = query.GetValueOrDefault("name");
        var external = query.GetValueOrDefault("externalId");
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(external))
        {
            return Error(400, "invalid parameters call, supply either name or externalId: bad request");
        }

        var found = models.Where(m => Name(m) == name).ToList();
        return found.Count == 1 ? FakeResponse.Json(200, found[0].DeepClone())
            : Error(404, $"{(found.Count == 0 ? "no" : "multiple")} registered models found for name={name}, externalId={external}: not found");
    }

    private FakeResponse FindVersion(IReadOnlyDictionary<string, string> query)
    {
        var name = query.GetValueOrDefault("name");
        var parent = query.GetValueOrDefault("parentResourceId");
        var external = query.GetValueOrDefault("externalId");
        if ((string.IsNullOrEmpty(name) || string.IsNullOrEmpty(parent)) && string.IsNullOrEmpty(external))
        {
            return Error(400, "invalid parameters call, supply either (name and parentResourceId), or externalId: bad request");
        }

        var found = versions.Where(v => Name(v) == name && v["registeredModelId"]!.GetValue<string>() == parent).ToList();
        return found.Count == 1 ? FakeResponse.Json(200, found[0].DeepClone())
            : Error(404, $"no model versions found for name={name}, parentResourceId={parent}, externalId={external}: not found");
    }

    private FakeResponse Artifacts(string versionId)
    {
        var items = artifacts.Where(a => a["parent"]!.GetValue<string>() == versionId).Select(a =>
        {
            var copy = (JsonObject)a.DeepClone();
            copy.Remove("parent");
            return (JsonNode)copy;
        }).ToList();
        return FakeResponse.Json(200, new JsonObject { ["items"] = new JsonArray([.. items]), ["size"] = items.Count, ["pageSize"] = 100, ["nextPageToken"] = "" });
    }

    private FakeResponse Patch(List<JsonObject> store, string id, string body, HashSet<string> fields, string what)
    {
        JsonObject update;
        try
        {
            update = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("json: cannot unmarshal into an object");
        }
        catch (JsonException e)
        {
            return Error(400, e.Message);
        }

        if (update.Select(p => p.Key).FirstOrDefault(k => !fields.Contains(k)) is { } unknown)
        {
            return Error(400, $"json: unknown field \"{unknown}\"");
        }

        if (update["customProperties"] is JsonObject props && props.FirstOrDefault(p => !ValidValue(p.Value)) is { Key: { } bad })
        {
            return Error(400, $"customProperties[{bad}]: not a MetadataValue (metadataType and its value field)");
        }

        if (update["state"] is { } s && s.GetValue<string>() is not ("LIVE" or "ARCHIVED"))
        {
            return Error(400, $"state: invalid value '{s}'");
        }

        if (store.FirstOrDefault(e => Id(e) == id) is not { } entity)
        {
            return Error(404, $"{what} by id not found: {id}");
        }

        foreach (var (key, value) in update)
        {
            entity[key] = value?.DeepClone();
        }

        entity["lastUpdateTimeSinceEpoch"] = "1764720000000";
        return FakeResponse.Json(200, entity.DeepClone());
    }

    private static bool ValidValue(JsonNode? value) =>
        value is JsonObject o && o["metadataType"]?.GetValue<string>() is { } type && ValueFields.TryGetValue(type, out var field) && o[field] is not null
        && o.Count == 2;

    private JsonObject Add(List<JsonObject> store, JsonObject entity)
    {
        entity["id"] = (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        entity["createTimeSinceEpoch"] = "1764633600000";
        entity["lastUpdateTimeSinceEpoch"] = "1764633600000";
        store.Add(entity);
        return entity;
    }

    private static JsonObject Strings(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = new JsonObject { ["string_value"] = value, ["metadataType"] = "MetadataStringValue" };
        }

        return json;
    }

    private static string Name(JsonObject entity) => entity["name"]!.GetValue<string>();

    private static string Id(JsonObject entity) => entity["id"]!.GetValue<string>();

    private static FakeResponse Error(int status, string message) => FakeResponse.Json(status, new JsonObject
    {
        ["code"] = status switch { 400 => "Bad Request", 404 => "Not Found", 409 => "Conflict", _ => "Internal Server Error" },
        ["message"] = message,
    });
}
