namespace Gates.Cli.Hosts;

/// <summary>Where a tool runs, which decides where its results go besides stdout (docs/hosts.md).</summary>
public enum HostKind
{
    Local,
    GitHub,
    GitLab,
    Argo,
}
