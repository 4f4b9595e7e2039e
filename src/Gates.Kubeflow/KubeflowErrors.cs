using System.Text.Json;
using Gates.Core;
using Gates.Http;

namespace Gates.Kubeflow;

/// <summary>
/// Kubeflow Model Registry's failed answers as exceptions. The server's error body is
/// <c>{"code": "Not Found", "message": "no registered models found for name=…: not found"}</c> (code is the HTTP
/// status text); 401 and 403 usually come from the proxy in front of it (kube-rbac-proxy, Istio) as plain text.
/// 401/403/404/400/422 are input errors (exit 2), 409 a <see cref="RegistryConflictException"/>, the rest after
/// Gates.Http's retries runtime errors (exit 3). The token never reaches a message.
/// </summary>
internal static class KubeflowErrors
{
    public const string TokenVariable = "KUBEFLOW_MODEL_REGISTRY_TOKEN";

    public static Exception For(int status, string body, string what, Uri server, string? token)
    {
        var text = Redact($"Kubeflow Model Registry at {server}: {what}: {status} {Detail(body)}".TrimEnd(), token);
        return status switch
        {
            401 => new GateInputException($"{text} (not authenticated: set {TokenVariable} to a token the registry accepts)"),
            403 => new GateInputException($"{text} (the token in {TokenVariable} may not do this: it needs get and update on the registry)"),
            400 or 404 or 422 => new GateInputException(text),
            409 => new RegistryConflictException($"{text} (conflict with the registry's current state)"),
            _ => new GateRuntimeException(text),
        };
    }

    public static GateRuntimeException Network(HttpRequestException e, string what, Uri server, string? token) =>
        new(Redact($"Kubeflow Model Registry at {server}: {what}: {e.Message}", token), e);

    private static string Detail(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m))
            {
                var code = root.TryGetProperty("code", out var c) ? c.ToString() : "";
                return $"{code}: {m.GetString()}".TrimStart(' ', ':');
            }
        }
        catch (JsonException)
        {
        }

        var trimmed = body.Trim();
        return trimmed.Length > 200 ? trimmed[..200] : trimmed;
    }

    private static string Redact(string text, string? token) => token is null ? text : ApiTokens.Redact(text, token);
}
