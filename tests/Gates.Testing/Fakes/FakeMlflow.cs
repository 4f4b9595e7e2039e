using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>Answers GET /api/2.0/mlflow/registered-models/alias like MLflow, including its 404 error JSON.</summary>
public sealed class FakeMlflow : IDisposable
{
    private readonly LocalHttpServer server;

    public FakeMlflow(Dictionary<string, (string Version, string Source)> aliases, string? token = null)
    {
        server = new LocalHttpServer(request =>
        {
            if (token is not null && request.Authorization != $"Bearer {token}")
            {
                return FakeResponse.Json(401, new JsonObject { ["error_code"] = "UNAUTHENTICATED", ["message"] = "Unauthenticated" });
            }

            if (request.Path != "/api/2.0/mlflow/registered-models/alias")
            {
                return FakeResponse.Json(404, new JsonObject { ["error_code"] = "ENDPOINT_NOT_FOUND", ["message"] = "No such endpoint" });
            }

            var name = request.Query.GetValueOrDefault("name", "");
            var alias = request.Query.GetValueOrDefault("alias", "");
            return aliases.TryGetValue($"{name}@{alias}", out var v)
                ? FakeResponse.Json(200, new JsonObject
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
                })
                : FakeResponse.Json(404, new JsonObject
                {
                    ["error_code"] = "RESOURCE_DOES_NOT_EXIST",
                    ["message"] = $"Registered model alias {alias} not found.",
                });
        });
    }

    public Uri Url => server.BaseAddress;

    public IReadOnlyList<FakeRequest> Requests => server.Requests;

    public void Dispose() => server.Dispose();
}
