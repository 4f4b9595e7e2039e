using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// The registry state behind <see cref="FakeMlflow"/> and the write paths of MLflow's REST API 2.0
/// (mlflow/protos/model_registry.proto), answered as mlflow/server/handlers.py with the SQL store does:
/// <c>GET registered-models/get</c>, <c>GET model-versions/get</c>, <c>POST/DELETE registered-models/alias</c>,
/// <c>POST model-versions/set-tag</c>, <c>POST registered-models/set-tag</c>. Errors are
/// <c>{"error_code", "message"}</c>: a missing model 404 RESOURCE_DOES_NOT_EXIST "Registered Model with name=X not
/// found", a missing version 404 "Model Version (name=X, version=N) not found", a reserved alias (<c>latest</c>,
/// <c>vN</c>), a bad tag key or a missing parameter 400 INVALID_PARAMETER_VALUE. Empty lists are left out of the
/// JSON, as protobuf's JSON printer does. POST and DELETE read a JSON body; a GET reads the query.
/// </summary>
public sealed partial class FakeMlflow
{
    private const string Api = "/api/2.0/mlflow/";
    private readonly Dictionary<string, RegisteredModel> registry = new(StringComparer.Ordinal);
    private readonly object state = new();

    /// <summary>Runs before each request is applied: a test moves an alias here to play a second writer.</summary>
    public Action<FakeRequest>? BeforeRequest { get; set; }

    /// <summary>Adds a version (and its registered model when new), as a training job registering a model would.</summary>
    public void AddVersion(string name, string version, string source, IReadOnlyDictionary<string, string>? tags = null, string runId = "0f3c9a")
    {
        lock (state)
        {
            var model = ModelOrNew(name);
            model.Versions[version] = new ModelVersion(source, runId, new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal));
        }
    }

    /// <summary>Answers the next request with a canned failure (a 503, a 429) before the registry sees it.</summary>
    public void FailNext(FakeResponse response) => server.FailNext(response);

    /// <summary>What the alias points at now, or null.</summary>
    public string? Alias(string name, string alias)
    {
        lock (state)
        {
            return registry.TryGetValue(name, out var m) && m.Aliases.TryGetValue(alias, out var v) ? v : null;
        }
    }

    /// <summary>Moves an alias directly, as another writer (a person in the UI, another pipeline) would.</summary>
    public void MoveAlias(string name, string alias, string version)
    {
        lock (state)
        {
            ModelOrNew(name).Aliases[alias] = version;
        }
    }

    /// <summary>Sets a registered-model tag directly, as another writer would.</summary>
    public void SetModelTag(string name, string key, string value)
    {
        lock (state)
        {
            ModelOrNew(name).Tags[key] = value;
        }
    }

    public IReadOnlyDictionary<string, string> VersionTags(string name, string version)
    {
        lock (state)
        {
            return new Dictionary<string, string>(registry[name].Versions[version].Tags, StringComparer.Ordinal);
        }
    }

    public IReadOnlyDictionary<string, string> ModelTags(string name)
    {
        lock (state)
        {
            return new Dictionary<string, string>(registry[name].Tags, StringComparer.Ordinal);
        }
    }

    private void Seed(Dictionary<string, (string Version, string Source)> aliases)
    {
        foreach (var name in Models)
        {
            ModelOrNew(name);
        }

        foreach (var (key, (version, source)) in aliases)
        {
            var name = key[..key.LastIndexOf('@')];
            AddVersion(name, version, source);
            MoveAlias(name, key[(key.LastIndexOf('@') + 1)..], version);
        }
    }

    private RegisteredModel ModelOrNew(string name) =>
        registry.TryGetValue(name, out var model) ? model : registry[name] = new RegisteredModel();

    private FakeResponse AnswerRegistry(FakeRequest request)
    {
        var route = request.RawPath.StartsWith(Api, StringComparison.Ordinal) ? request.RawPath[Api.Length..] : null;
        var allowed = route switch
        {
            "registered-models/get" or "model-versions/get" => ["GET"],
            "registered-models/alias" => ["GET", "POST", "DELETE"],
            "model-versions/set-tag" or "registered-models/set-tag" => new[] { "POST" },
            _ => null,
        };
        if (allowed is null)
        {
            return FakeResponse.Text(404, "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html; charset=utf-8");
        }

        if (!allowed.Contains(request.Method))
        {
            return FakeResponse.Text(405, "<!doctype html><title>405 Method Not Allowed</title>", "text/html; charset=utf-8");
        }

        JsonObject args;
        try
        {
            args = request.Method == "GET" ? QueryArgs(request) : request.Json as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return Error(400, "MALFORMED_REQUEST", "Malformed JSON in request body");
        }

        lock (state)
        {
            return (request.Method, route) switch
            {
                ("GET", "registered-models/get") => GetModel(args),
                ("GET", "model-versions/get") => GetVersion(args),
                ("POST", "registered-models/alias") => SetAlias(args),
                ("DELETE", "registered-models/alias") => DeleteAlias(args),
                ("POST", "model-versions/set-tag") => SetVersionTag(args),
                _ => SetModelTag(args),
            };
        }
    }

    private FakeResponse GetModel(JsonObject args)
    {
        if (Required(args, "name") is { } missing)
        {
            return missing;
        }

        var name = Text(args, "name");
        if (!registry.TryGetValue(name, out var model))
        {
            return NoModel(name);
        }

        var json = new JsonObject { ["name"] = name, ["creation_timestamp"] = 1700000000000, ["last_updated_timestamp"] = 1700000000000 };
        AddList(json, "tags", model.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }));
        AddList(json, "aliases", model.Aliases.Select(a => (JsonNode)new JsonObject { ["alias"] = a.Key, ["version"] = a.Value }));
        return FakeResponse.Json(200, new JsonObject { ["registered_model"] = json });
    }

    private FakeResponse GetVersion(JsonObject args)
    {
        if (Required(args, "name", "version") is { } missing)
        {
            return missing;
        }

        var (name, version) = (Text(args, "name"), Text(args, "version"));
        return Find(name, version) is null ? NoVersion(name, version) : FakeResponse.Json(200, new JsonObject { ["model_version"] = VersionJson(name, version) });
    }

    private FakeResponse SetAlias(JsonObject args)
    {
        if ((Required(args, "name", "alias", "version") ?? ReservedAlias(Text(args, "alias")) ?? IntegerVersion(Text(args, "version"))) is { } refused)
        {
            return refused;
        }

        var (name, alias, version) = (Text(args, "name"), Text(args, "alias"), Text(args, "version"));
        if (Find(name, version) is null)
        {
            return NoVersion(name, version);
        }

        registry[name].Aliases[alias] = version;
        return FakeResponse.Json(200, new JsonObject());
    }

    private FakeResponse DeleteAlias(JsonObject args)
    {
        if (Required(args, "name", "alias") is { } missing)
        {
            return missing;
        }

        var name = Text(args, "name");
        if (!registry.TryGetValue(name, out var model))
        {
            return NoModel(name);
        }

        model.Aliases.Remove(Text(args, "alias"));
        return FakeResponse.Json(200, new JsonObject());
    }

    private FakeResponse SetVersionTag(JsonObject args)
    {
        if ((Required(args, "name", "version", "key") ?? TagKey(Text(args, "key"))) is { } refused)
        {
            return refused;
        }

        var (name, version) = (Text(args, "name"), Text(args, "version"));
        if (Find(name, version) is not { } mv)
        {
            return NoVersion(name, version);
        }

        mv.Tags[Text(args, "key")] = Text(args, "value");
        return FakeResponse.Json(200, new JsonObject());
    }

    private FakeResponse SetModelTag(JsonObject args)
    {
        if ((Required(args, "name", "key") ?? TagKey(Text(args, "key"))) is { } refused)
        {
            return refused;
        }

        var name = Text(args, "name");
        if (!registry.TryGetValue(name, out var model))
        {
            return NoModel(name);
        }

        model.Tags[Text(args, "key")] = Text(args, "value");
        return FakeResponse.Json(200, new JsonObject());
    }

    private JsonObject VersionJson(string name, string version)
    {
        lock (state)
        {
            var mv = registry[name].Versions.GetValueOrDefault(version) ?? new ModelVersion("", "0f3c9a", []);
            var json = new JsonObject
            {
                ["name"] = name,
                ["version"] = version,
                ["creation_timestamp"] = 1700000000000,
                ["last_updated_timestamp"] = 1700000000000,
                ["current_stage"] = "None",
                ["source"] = mv.Source,
                ["run_id"] = mv.RunId,
                ["status"] = "READY",
            };
            AddList(json, "tags", mv.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }));
            AddList(json, "aliases", registry[name].Aliases.Where(a => a.Value == version).Select(a => (JsonNode)JsonValue.Create(a.Key)));
            return json;
        }
    }

    private ModelVersion? Find(string name, string version) =>
        registry.TryGetValue(name, out var model) ? model.Versions.GetValueOrDefault(version) : null;

    private static JsonObject QueryArgs(FakeRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = value;
        }

        return args;
    }

    private static string Text(JsonObject args, string key) => args[key]?.ToString() ?? "";

    private static FakeResponse? Required(JsonObject args, params string[] names) =>
        names.FirstOrDefault(n => Text(args, n).Length == 0) is { } missing
            ? Error(400, "INVALID_PARAMETER_VALUE", $"Missing value for required parameter '{missing}'. See the API docs for more information about request parameters.")
            : null;

    private static FakeResponse? ReservedAlias(string alias) =>
        alias.Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? Error(400, "INVALID_PARAMETER_VALUE", "'latest' alias name (case insensitive) is reserved.")
            : Regex.IsMatch(alias, "^[vV][0-9]+$")
                ? Error(400, "INVALID_PARAMETER_VALUE", $"Version alias name '{alias}' is reserved.")
                : null;

    private static FakeResponse? IntegerVersion(string version) =>
        long.TryParse(version, out _) ? null : Error(400, "INVALID_PARAMETER_VALUE", $"Parameter 'version' must be an integer, got '{version}'.");

    private static FakeResponse? TagKey(string key) =>
        key.Length <= 250 && Regex.IsMatch(key, @"^[/\w.\- ]+$") && !key.StartsWith('/') ? null
            : Error(400, "INVALID_PARAMETER_VALUE", $"Invalid value \"{key}\" for parameter 'key' supplied. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).");

    private static FakeResponse NoModel(string name) => Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found");

    private static FakeResponse NoVersion(string name, string version) =>
        Error(404, "RESOURCE_DOES_NOT_EXIST", $"Model Version (name={name}, version={version}) not found");

    private static void AddList(JsonObject json, string key, IEnumerable<JsonNode> items)
    {
        var list = new JsonArray([.. items]);
        if (list.Count > 0)
        {
            json[key] = list;
        }
    }

    private sealed class RegisteredModel
    {
        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ModelVersion> Versions { get; } = new(StringComparer.Ordinal);
    }

    private sealed record ModelVersion(string Source, string RunId, Dictionary<string, string> Tags);
}
