using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// A registry that answers <c>GET /api/2.0/mlflow/registered-models/alias</c> as MLflow's tracking server with its
/// SQL store does (mlflow/store/model_registry/sqlalchemy_store.py, get_model_version_by_alias): a missing alias
/// and a missing model are both 400 INVALID_PARAMETER_VALUE "Registered model alias X not found." (the store never
/// looks the model up); a missing name or alias parameter is 400 INVALID_PARAMETER_VALUE; other verbs 405; with a
/// token, a request without it gets MLflow basic-auth's 401 text answer.
/// </summary>
public sealed class FakeMlflow : IDisposable
{
    public const string AliasPath = "/api/2.0/mlflow/registered-models/alias";

    private readonly LocalHttpServer server;

    /// <param name="aliases">"name@alias" to the version and source it points at; each name is a registered model.</param>
    /// <param name="models">further registered models, without aliases.</param>
    public FakeMlflow(Dictionary<string, (string Version, string Source)> aliases, string? token = null, IEnumerable<string>? models = null)
    {
        Models = aliases.Keys.Select(k => k[..k.LastIndexOf('@')]).Concat(models ?? []).ToHashSet(StringComparer.Ordinal);
        server = new LocalHttpServer(request => Answer(request, aliases, token));
    }

    public Uri Url => server.BaseAddress;

    public IReadOnlySet<string> Models { get; }

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    public void Dispose() => server.Dispose();

    private static FakeResponse Answer(FakeRequest request, Dictionary<string, (string Version, string Source)> aliases, string? token)
    {
        if (token is not null && request.Authorization != $"Bearer {token}")
        {
            return new FakeResponse(401, System.Text.Encoding.UTF8.GetBytes(
                "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate."),
                "text/html; charset=utf-8", [("WWW-Authenticate", "Basic realm=\"mlflow\"")]);
        }

        if (request.RawPath != AliasPath)
        {
            return FakeResponse.Text(404, "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html; charset=utf-8");
        }

        if (request.Method != "GET")
        {
            return FakeResponse.Text(405, "<!doctype html><title>405 Method Not Allowed</title>", "text/html; charset=utf-8");
        }

        var name = request.Query.GetValueOrDefault("name", "");
        var alias = request.Query.GetValueOrDefault("alias", "");
        if (name.Length == 0 || alias.Length == 0)
        {
            var missing = name.Length == 0 ? "name" : "alias";
            return Error(400, "INVALID_PARAMETER_VALUE", $"Missing value for required parameter '{missing}'. See the API docs for more information about request parameters.");
        }

        if (!aliases.TryGetValue($"{name}@{alias}", out var v))
        {
            return Error(400, "INVALID_PARAMETER_VALUE", $"Registered model alias {alias} not found.");
        }

        return FakeResponse.Json(200, new JsonObject
        {
            ["model_version"] = new JsonObject
            {
                ["name"] = name,
                ["version"] = v.Version,
                ["source"] = v.Source,
                ["run_id"] = "0f3c9a",
                ["status"] = "READY",
                ["aliases"] = new JsonArray(alias),
            },
        });
    }

    private static FakeResponse Error(int status, string code, string message) =>
        FakeResponse.Json(status, new JsonObject { ["error_code"] = code, ["message"] = message });
}
