using System.Text;
using System.Text.Json.Nodes;

namespace Gates.Kubernetes;

/// <summary>
/// Who the tools act as in the cluster, as far as the local configuration says (no request is made): the kubeconfig
/// user and context, or the service account of the pod's mounted token. Never holds a credential.
/// </summary>
public sealed record ClusterIdentity(string User, string? Context, string Server)
{
    public override string ToString() => Context is null ? $"{User} at {Server}" : $"{User} (context {Context}) at {Server}";

    internal static ClusterIdentity FromKubeconfig(string file, string? context, string server)
    {
        var config = k8s.KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
        var name = context ?? config.CurrentContext;
        var user = config.Contexts?.FirstOrDefault(c => c.Name == name)?.ContextDetails?.User;
        return new ClusterIdentity(user is null ? "kubeconfig user (unnamed)" : $"kubeconfig user {user}", name, server);
    }

    internal static ClusterIdentity FromServiceAccountToken(string tokenFile, string server)
    {
        var subject = Subject(File.ReadAllText(tokenFile).Trim());
        const string prefix = "system:serviceaccount:";
        var user = subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal)
            ? $"service account {subject[prefix.Length..].Replace(':', '/')}"
            : $"in-cluster token of {subject ?? "an unknown subject"}";
        return new ClusterIdentity(user, null, server);
    }

    /// <summary>The <c>sub</c> claim of a JWT (the token's payload is not secret; the signature is never printed).</summary>
    private static string? Subject(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))?["sub"]?.GetValue<string>();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
