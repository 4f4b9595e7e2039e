using Gates.Cli;
using Gates.Http;
using Gates.Kubeflow;
using Gates.MLflow;

namespace Gates.ManifestBump.Registry;

/// <summary>
/// <c>--kubeflow-model NAME@VERSION</c>: the Kubeflow Model Registry version's model artifact URI fills
/// <c>{{source}}</c> and the version name <c>{{version}}</c>, as <c>--mlflow-alias</c> does for MLflow. A Gates alias
/// (<c>gates.alias.X</c> on the registered model) is accepted in place of the version name.
/// </summary>
internal static class KubeflowResolution
{
    public static async Task<MlflowModelVersion> ResolveAsync(string text, string? url, GateRun run, CancellationToken ct)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            throw new Core.GateInputException($"--kubeflow-model '{text}': expected name@version, for example fraud@v5");
        }

        var (name, wanted) = (text[..at], text[(at + 1)..]);
        var server = RegistryConnections.Absolute(url, "--kubeflow-registry-url", KubeflowRegistryClient.UrlVariable);
        using var http = HttpServices.Default.Client(RegistryConnections.Retry, run.Env.Time);
        var client = new KubeflowRegistryClient(http, server, run.Env.Get(KubeflowRegistryClient.TokenVariable));
        var version = await new KubeflowAliasRegistry(client).ResolveAsync(name, wanted, ct);
        var resolved = await client.ResolveAsync(name, version, ct);
        run.Say($"Kubeflow Model Registry {name}@{wanted} is version {resolved.Version.Name}{(resolved.Uri is null ? "" : $" ({resolved.Uri})")}");

        // The manifest plan takes the registry's answer in MLflow's shape: name, what was asked, version, artifact URI.
        return new MlflowModelVersion(name, wanted, resolved.Version.Name, resolved.Uri, null);
    }
}
