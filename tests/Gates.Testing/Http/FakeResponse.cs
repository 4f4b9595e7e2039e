using System.Text;
using System.Text.Json.Nodes;

namespace Gates.Testing.Http;

/// <summary>What <see cref="LocalHttpServer"/> answers: a status, a body with its content type, extra headers.</summary>
public sealed record FakeResponse(int Status, byte[] Body, string ContentType, IReadOnlyList<(string Name, string Value)>? ExtraHeaders = null)
{
    public IReadOnlyList<(string Name, string Value)> Headers => ExtraHeaders ?? [];

    public static FakeResponse Json(int status, JsonNode? body, params (string Name, string Value)[] headers) =>
        new(status, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json; charset=utf-8", headers);

    /// <summary>A JSON body given as text, sent as it is.</summary>
    public static FakeResponse JsonText(int status, string json) => Text(status, json, "application/json");

    public static FakeResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new(status, Encoding.UTF8.GetBytes(text), contentType);

    public static FakeResponse Raw(byte[] body) => new(200, body, "application/octet-stream");

    public static FakeResponse Empty(int status) => new(status, [], "application/octet-stream");

    /// <summary>GitHub-style error JSON: <c>{"message": …}</c>.</summary>
    public static FakeResponse Message(int status, string message, params (string Name, string Value)[] headers) =>
        Json(status, new JsonObject { ["message"] = message }, headers);
}
