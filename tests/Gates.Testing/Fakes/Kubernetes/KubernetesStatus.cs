using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>The <c>Status</c> object the API server answers every error with (metav1.Status).</summary>
public static class KubernetesStatus
{
    public static FakeResponse Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return FakeResponse.Json(code, status);
    }

    public static JsonObject Details(string name, string group, string kind, string? cause = null)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind };
        if (cause is not null)
        {
            details["causes"] = new JsonArray(new JsonObject { ["reason"] = "UnexpectedServerResponse", ["message"] = cause });
        }

        return details;
    }
}
