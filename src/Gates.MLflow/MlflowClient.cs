using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gates.Core;
using Gates.Http;

namespace Gates.MLflow;

/// <summary>
/// Resolves an MLflow registered-model alias (<c>fraud@champion</c>) to a concrete version and source URI through
/// <c>GET /api/2.0/mlflow/registered-models/alias</c>. What gets pinned in Git is the version, never the alias.
/// The given HttpClient carries the retries (<see cref="Retry"/> through Gates.Http's <see cref="RetryHandler"/>).
/// </summary>
public sealed class MlflowClient(HttpClient http, Uri trackingUri)
{
    /// <summary>Three attempts, 2 s then 4 s apart (or as Retry-After says), 30 s each.</summary>
    public static readonly RetryPolicy Retry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromSeconds(30) };

    /// <summary>Auth from MLFLOW_TRACKING_TOKEN (bearer) or MLFLOW_TRACKING_USERNAME/PASSWORD (basic).</summary>
    public static void Authorize(HttpClient http, string? token, string? user, string? password)
    {
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (user is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    public static (string Name, string Alias) ParseAlias(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1
            ? (text[..at], text[(at + 1)..])
            : throw new GateInputException($"--mlflow-alias '{text}': expected name@alias, for example fraud@champion");
    }

    public async Task<MlflowModelVersion> ResolveAsync(string name, string alias, CancellationToken ct)
    {
        var url = new Uri(trackingUri, $"api/2.0/mlflow/registered-models/alias?name={Uri.EscapeDataString(name)}&alias={Uri.EscapeDataString(alias)}");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, ct);
        }
        catch (HttpRequestException e)
        {
            throw new GateRuntimeException($"MLflow at {trackingUri}: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            return Interpret(response.StatusCode, body, name, alias);
        }
    }

    private MlflowModelVersion Interpret(HttpStatusCode status, string body, string name, string alias)
    {
        if (status == HttpStatusCode.OK)
        {
            try
            {
                var version = JsonDocument.Parse(body).RootElement.GetProperty("model_version");
                return new MlflowModelVersion(
                    name,
                    alias,
                    version.GetProperty("version").ToString(),
                    version.TryGetProperty("source", out var s) ? s.GetString() : null,
                    version.TryGetProperty("run_id", out var r) ? r.GetString() : null);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new GateRuntimeException($"MLflow at {trackingUri} answered {name}@{alias} without model_version.version: {e.Message}", e);
            }
        }

        var (code, message) = Error(body);
        var what = $"MLflow at {trackingUri}: {name}@{alias}: {(int)status} {code} {message}".TrimEnd();
        throw status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.BadRequest => new GateInputException(Missing(code, message, name, alias) ?? what),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new GateInputException($"{what} (set MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD)"),
            _ => new GateRuntimeException(what),
        };
    }

    /// <summary>
    /// MLflow's stores answer a missing alias with 400 INVALID_PARAMETER_VALUE "Registered model alias X not found."
    /// and do not check the model first, so the same answer covers a missing model; a missing model is
    /// 404 RESOURCE_DOES_NOT_EXIST "Registered Model with name=X not found" where a store does check it.
    /// </summary>
    private static string? Missing(string code, string message, string name, string alias) => (code, message) switch
    {
        ("RESOURCE_DOES_NOT_EXIST", _) when message.StartsWith("Registered Model with name=", StringComparison.Ordinal) =>
            $"MLflow has no registered model '{name}' ({code}: {message})",
        ("RESOURCE_DOES_NOT_EXIST", _) => $"MLflow has no alias '{alias}' on registered model '{name}' ({code}: {message})",
        ("INVALID_PARAMETER_VALUE", _) when message.StartsWith("Registered model alias ", StringComparison.Ordinal) =>
            $"MLflow has no alias '{alias}' on registered model '{name}', or no registered model '{name}' (MLflow answers both with {code}: {message})",
        _ => null,
    };

    private static (string Code, string Message) Error(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return (root.TryGetProperty("error_code", out var c) ? c.GetString() ?? "" : "", root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        catch (JsonException)
        {
            return ("", body.Length > 200 ? body[..200] : body);
        }
    }
}
