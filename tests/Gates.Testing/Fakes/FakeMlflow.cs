using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// A registry that answers <c>GET /api/2.0/mlflow/registered-models/alias</c> as MLflow's tracking server with its
/// SQL store does (mlflow/store/model_registry/sqlalchemy_store.py, get_model_version_by_alias): a missing alias
/// and a missing model are both 400 INVALID_PARAMETER_VALUE "Registered model alias X not found." (the store never
/// looks the model up); a missing name or alias parameter is 400 INVALID_PARAMETER_VALUE; other verbs 405; with a
/// token, a request without it gets MLflow basic-auth's 401 text answer. The registry keeps state: aliases, versions
/// and tags can be written and read back (FakeMlflow.Registry.cs).
/// </summary>
public sealed partial class FakeMlflow : IDisposable
{
    public const string AliasPath = "/api/2.0/mlflow/registered-models/alias";

    private readonly LocalHttpServer server;

    /// <param name="aliases">"name@alias" to the version and source it points at; each name is a registered model.</param>
    /// <param name="models">further registered models, without aliases.</param>
    public FakeMlflow(Dictionary<string, (string Version, string Source)> aliases, string? token = null, IEnumerable<string>? models = null)
    {
        Models = aliases.Keys.Select(k => k[..k.LastIndexOf('@')]).Concat(models ?? []).ToHashSet(StringComparer.Ordinal);
        Seed(aliases);
        server = new LocalHttpServer(request => Answer(request, token));
    }

    public Uri Url => server.BaseAddress;

    public IReadOnlySet<string> Models { get; }

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    public void Dispose() => server.Dispose();

    private FakeResponse Answer(FakeRequest request, string? token)
    {
        if (token is not null && request.Authorization != $"Bearer {token}")
        {
            return new FakeResponse(401, System.Text.Encoding.UTF8.GetBytes(
                "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate."),
                "text/html; charset=utf-8", [("WWW-Authenticate", "Basic realm=\"mlflow\"")]);
        }

        BeforeRequest?.Invoke(request);
        if (request.RawPath != AliasPath || request.Method != "GET")
        {
            return AnswerRegistry(request);
        }

        var name = request.Query.GetValueOrDefault("name", "");
        var alias = request.Query.GetValueOrDefault("alias", "");
        if (name.Length == 0 || alias.Length == 0)
        {
            var missing = name.Length == 0 ? "name" : "alias";
            return Error(400, "INVALID_PARAMETER_VALUE", $"Missing value for required parameter '{missing}'. See the API docs for more information about request parameters.");
        }

        if (Alias(name, alias) is not { } version)
        {
            return Error(400, "INVALID_PARAMETER_VALUE", $"Registered model alias {alias} not found.");
        }

        return FakeResponse.Json(200, new JsonObject { ["model_version"] = VersionJson(name, version) });
    }

    private static FakeResponse Error(int status, string code, string message) =>
        FakeResponse.Json(status, new JsonObject { ["error_code"] = code, ["message"] = message });
}
