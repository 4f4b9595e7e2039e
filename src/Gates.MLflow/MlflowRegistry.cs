using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Http;

namespace Gates.MLflow;

/// <summary>
/// The registry calls a promotion by alias needs, on MLflow's REST API 2.0 (mlflow/protos/model_registry.proto):
/// <c>GET registered-models/get</c> (aliases and tags), <c>GET model-versions/get</c>, <c>POST registered-models/alias</c>,
/// <c>DELETE registered-models/alias</c>, <c>POST model-versions/set-tag</c>, <c>POST registered-models/set-tag</c>.
/// Setting an alias or a tag to a value is idempotent, so those POSTs are retried on 5xx like GETs
/// (<see cref="RetryHandler.MarkIdempotent"/>). MLflow has no compare-and-set: the caller reads back.
/// </summary>
/// <param name="secret">The token or password, only to keep it out of messages.</param>
public sealed class MlflowRegistry(HttpClient http, Uri trackingUri, string? secret = null)
{
    private const string Api = "api/2.0/mlflow/";

    public Uri Server => trackingUri;

    public async Task<MlflowRegisteredModel> GetModelAsync(string name, CancellationToken ct)
    {
        var root = await SendAsync(HttpMethod.Get, $"registered-models/get?name={Esc(name)}", null, $"get registered model '{name}'", ct);
        var model = root["registered_model"] ?? throw Malformed("registered_model", name);
        var aliases = (model["aliases"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => a["alias"]?.GetValue<string>() ?? "", a => a["version"]?.ToString() ?? "", StringComparer.Ordinal);
        return new MlflowRegisteredModel(name, aliases, Tags(model["tags"]));
    }

    public async Task<MlflowVersionDetails> GetVersionAsync(string name, string version, CancellationToken ct)
    {
        var root = await SendAsync(HttpMethod.Get, $"model-versions/get?name={Esc(name)}&version={Esc(version)}", null, $"get model version {name}/{version}", ct);
        var mv = root["model_version"] ?? throw Malformed("model_version", name);
        return new MlflowVersionDetails(
            name,
            mv["version"]?.ToString() ?? version,
            mv["source"]?.GetValue<string>(),
            mv["run_id"]?.GetValue<string>(),
            mv["status"]?.GetValue<string>(),
            Tags(mv["tags"]),
            [.. (mv["aliases"] as JsonArray ?? []).Select(a => a?.GetValue<string>() ?? "")]);
    }

    public Task SetAliasAsync(string name, string alias, string version, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "registered-models/alias", new JsonObject { ["name"] = name, ["alias"] = alias, ["version"] = version },
            $"set alias {name}@{alias} → version {version}", ct);

    /// <summary>MLflow's own client sends the DELETE parameters as a JSON body, which every server version reads.</summary>
    public Task DeleteAliasAsync(string name, string alias, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, "registered-models/alias", new JsonObject { ["name"] = name, ["alias"] = alias }, $"delete alias {name}@{alias}", ct);

    public Task SetVersionTagAsync(string name, string version, string key, string value, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "model-versions/set-tag", new JsonObject { ["name"] = name, ["version"] = version, ["key"] = key, ["value"] = value },
            $"set tag '{key}' on model version {name}/{version}", ct);

    public Task SetModelTagAsync(string name, string key, string value, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "registered-models/set-tag", new JsonObject { ["name"] = name, ["key"] = key, ["value"] = value },
            $"set tag '{key}' on registered model '{name}'", ct);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, string what, CancellationToken ct)
    {
        var (status, text) = await JsonCall.SendAsync(http, method, new Uri(trackingUri, Api + path), body,
            e => MlflowErrors.Network(e, what, trackingUri, secret), ct);
        if (status != HttpStatusCode.OK)
        {
            throw MlflowErrors.For(status, text, what, trackingUri, secret);
        }

        try
        {
            return JsonNode.Parse(text.Length == 0 ? "{}" : text) ?? new JsonObject();
        }
        catch (JsonException e)
        {
            throw new Core.GateRuntimeException($"MLflow at {trackingUri}: {what}: the answer is not JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, string> Tags(JsonNode? tags) =>
        (tags as JsonArray ?? []).OfType<JsonObject>().GroupBy(t => t["key"]?.GetValue<string>() ?? "")
            .ToDictionary(g => g.Key, g => g.Last()["value"]?.GetValue<string>() ?? "", StringComparer.Ordinal);

    private Core.GateRuntimeException Malformed(string field, string name) =>
        new($"MLflow at {trackingUri} answered for '{name}' without {field}");

    private static string Esc(string text) => Uri.EscapeDataString(text);
}
