using Gates.Cli;
using Gates.Core;
using Gates.Http;
using Gates.Kubeflow;
using Gates.MLflow;

namespace Gates.ManifestBump.Registry;

/// <summary>Makes the registry client a promotion by alias talks to, from the flags and the environment.</summary>
internal static class RegistryConnections
{
    /// <summary>Registry calls: three attempts, 2 s then 4 s apart (or as Retry-After says), 30 s each, as MLflow resolution.</summary>
    public static RetryPolicy Retry => MlflowClient.Retry;

    public static IModelRegistry Create(string kind, PromoteAliasSettings settings, GateEnvironment env, HttpClient http)
    {
        if (kind == "mlflow")
        {
            var uri = Absolute(settings.MlflowTrackingUri, "--mlflow-tracking-uri", "MLFLOW_TRACKING_URI");
            var token = env.Get("MLFLOW_TRACKING_TOKEN");
            MlflowClient.Authorize(http, token, env.Get("MLFLOW_TRACKING_USERNAME"), env.Get("MLFLOW_TRACKING_PASSWORD"));
            return new MlflowAliasRegistry(new MlflowRegistry(http, uri, token ?? env.Get("MLFLOW_TRACKING_PASSWORD")));
        }

        var url = Absolute(settings.KubeflowRegistryUrl, "--kubeflow-registry-url", KubeflowRegistryClient.UrlVariable);
        return new KubeflowAliasRegistry(new KubeflowRegistryClient(http, url, env.Get(KubeflowRegistryClient.TokenVariable)));
    }

    public static Uri Absolute(string? text, string flag, string variable)
    {
        var value = text ?? throw new GateInputException($"{flag} or {variable} is required");
        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new GateInputException($"{flag} '{value}' is not an absolute http(s) URL");
    }
}
