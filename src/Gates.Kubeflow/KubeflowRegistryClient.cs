using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Core;
using Gates.Http;

namespace Gates.Kubeflow;

/// <summary>
/// Kubeflow Model Registry's REST API (api/openapi/model-registry.yaml, v1alpha3): find a registered model by name
/// (<c>GET registered_model?name=</c>), one of its versions (<c>GET model_version?name=&amp;parentResourceId=</c>),
/// the version's model artifacts (<c>GET model_versions/{id}/artifacts?artifactType=model-artifact</c>), and update
/// custom properties or state (<c>PATCH registered_models/{id}</c>, <c>PATCH model_versions/{id}</c>). A PATCH
/// replaces the whole customProperties map, so callers send back what they read with their changes
/// (<see cref="KubeflowEntity.With"/>). Retries are Gates.Http's; the PATCHes are idempotent and marked so.
/// </summary>
public sealed class KubeflowRegistryClient
{
    public const string TokenVariable = KubeflowErrors.TokenVariable;
    public const string UrlVariable = "KUBEFLOW_MODEL_REGISTRY_URL";
    private const string Api = "api/model_registry/v1alpha3/";
    private readonly HttpClient http;
    private readonly string? token;

    /// <param name="server">The registry's REST root, e.g. https://model-registry.kubeflow.svc:8443/.</param>
    /// <param name="token">Bearer token (from <see cref="TokenVariable"/>), or null.</param>
    public KubeflowRegistryClient(HttpClient http, Uri server, string? token)
    {
        this.http = http;
        this.token = token;
        Server = server;
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Server { get; }

    public async Task<KubeflowEntity> FindModelAsync(string name, CancellationToken ct) =>
        KubeflowEntity.From(await SendAsync(HttpMethod.Get, $"registered_model?name={Esc(name)}", null, $"registered model '{name}'", ct));

    public async Task<KubeflowEntity> FindVersionAsync(KubeflowEntity model, string version, CancellationToken ct) =>
        KubeflowEntity.From(await SendAsync(HttpMethod.Get, $"model_version?name={Esc(version)}&parentResourceId={Esc(model.Id)}", null,
            $"version '{version}' of registered model '{model.Name}'", ct));

    /// <summary>The URI of the version's first model artifact, or null when it has none.</summary>
    public async Task<string?> ModelArtifactUriAsync(KubeflowEntity version, CancellationToken ct)
    {
        var list = await SendAsync(HttpMethod.Get, $"model_versions/{Esc(version.Id)}/artifacts?artifactType=model-artifact", null,
            $"model artifacts of version '{version.Name}' (id {version.Id})", ct);
        return (list["items"] as JsonArray ?? []).Select(i => i?["uri"]?.GetValue<string>()).FirstOrDefault(u => !string.IsNullOrEmpty(u));
    }

    /// <summary>Resolves NAME and VERSION to the model artifact URI that manifests pin.</summary>
    public async Task<KubeflowResolvedVersion> ResolveAsync(string name, string version, CancellationToken ct)
    {
        var model = await FindModelAsync(name, ct);
        var found = await FindVersionAsync(model, version, ct);
        return new KubeflowResolvedVersion(model, found, await ModelArtifactUriAsync(found, ct));
    }

    public async Task<KubeflowEntity> UpdateModelAsync(KubeflowEntity model, JsonObject customProperties, CancellationToken ct) =>
        KubeflowEntity.From(await SendAsync(HttpMethod.Patch, $"registered_models/{Esc(model.Id)}", new JsonObject { ["customProperties"] = customProperties },
            $"update registered model '{model.Name}' (id {model.Id})", ct));

    public async Task<KubeflowEntity> UpdateVersionAsync(KubeflowEntity version, JsonObject customProperties, CancellationToken ct) =>
        KubeflowEntity.From(await SendAsync(HttpMethod.Patch, $"model_versions/{Esc(version.Id)}", new JsonObject { ["customProperties"] = customProperties },
            $"update model version '{version.Name}' (id {version.Id})", ct));

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body, string what, CancellationToken ct)
    {
        var (status, text) = await JsonCall.SendAsync(http, method, new Uri(Server, Api + path), body,
            e => KubeflowErrors.Network(e, what, Server, token), ct);
        if ((int)status is < 200 or > 299)
        {
            throw KubeflowErrors.For((int)status, text, what, Server, token);
        }

        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("empty answer");
        }
        catch (JsonException e)
        {
            throw new GateRuntimeException($"Kubeflow Model Registry at {Server}: {what}: the answer is not JSON: {e.Message}", e);
        }
    }

    private static string Esc(string text) => Uri.EscapeDataString(text);
}
