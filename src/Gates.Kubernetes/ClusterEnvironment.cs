namespace Gates.Kubernetes;

/// <summary>
/// Where the connection looks for its configuration: environment variables, the home kubeconfig and the root
/// folder under which a pod finds its service account (var/run/secrets/kubernetes.io/serviceaccount).
/// </summary>
internal sealed record ClusterEnvironment(Func<string, string?> Variable, string HomeKubeconfig, string Root)
{
    public const string ServiceAccountFolder = "var/run/secrets/kubernetes.io/serviceaccount";

    public static ClusterEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config"),
        Path.GetPathRoot(Environment.CurrentDirectory) ?? "/");

    public string ServiceAccount(string file) => Path.Combine(Root, ServiceAccountFolder, file);
}
