using System.Net;
using System.Text.Json;
using Gates.Core;
using Gates.Http;

namespace Gates.MLflow;

/// <summary>
/// MLflow's failed answers as exceptions: 401/403, 404 and 400 are input errors (exit 2) naming what was asked and
/// the server, 409 a <see cref="RegistryConflictException"/>, anything else after Gates.Http's retries a runtime
/// error (exit 3). MLflow's error body is <c>{"error_code": "...", "message": "..."}</c>; the basic-auth plugin
/// answers 401 in plain text. The token is removed from every message.
/// </summary>
internal static class MlflowErrors
{
    public const string AuthHint = "set MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD";

    public static Exception For(HttpStatusCode status, string body, string what, Uri server, string? secret)
    {
        var (code, message) = Parse(body);
        var text = Redact($"MLflow at {server}: {what}: {(int)status} {code} {message}".TrimEnd(), secret);
        return (int)status switch
        {
            401 => new GateInputException($"{text} (not authenticated: {AuthHint})"),
            403 => new GateInputException($"{text} (the credentials may not do this: {AuthHint})"),
            400 or 404 => new GateInputException(text),
            409 => new RegistryConflictException($"{text} (conflict with the registry's current state)"),
            _ => new GateRuntimeException(text),
        };
    }

    public static GateRuntimeException Network(HttpRequestException e, string what, Uri server, string? secret) =>
        new(Redact($"MLflow at {server}: {what}: {e.Message}", secret), e);

    public static (string Code, string Message) Parse(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return (root.TryGetProperty("error_code", out var c) ? c.GetString() ?? "" : "", root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ("", body.Length > 200 ? body[..200] : body);
        }
    }

    private static string Redact(string text, string? secret) => secret is null ? text : ApiTokens.Redact(text, secret);
}
