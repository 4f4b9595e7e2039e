using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.EndToEnd.Tests;

/// <summary>
/// A GitLab project on disk that the real gitlab-ci-local (pinned in .ci/node-tools, shell executor) runs pipelines in: a
/// git repository whose origin is <see cref="Path"/>, holding this repository's templates/, samples/ and thresholds/,
/// and a nuget.config whose only source is the packed tools. gitlab-ci-local takes a component of the project's own
/// path at its HEAD commit from the working tree, so <c>component: gitlab.example.com/acme/gates/eval-gate@{Sha}</c>
/// includes this commit's templates/eval-gate.yml, spec inputs and all, as GitLab would.
/// </summary>
public sealed class GitLabProject : IDisposable
{
    public const string Path = "gitlab.example.com/acme/gates";

    private readonly TempFolder folder = new();
    private readonly InstalledTools tools;

    public GitLabProject(InstalledTools tools)
    {
        this.tools = tools;
        foreach (var part in new[] { "templates", "samples", "thresholds" })
        {
            Copy(RepositoryPaths.Of(part), System.IO.Path.Combine(Root, part));
        }

        folder.Write("nuget.config",
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="gates" value="{tools.PackageFolder}" /></packageSources></configuration>""");
        Git("init", "-q", "-b", "main");
        Git("remote", "add", "origin", $"https://{Path}.git");
        Git("add", "-A");
        Git("-c", "user.name=Gates test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "components");
        Sha = Git("rev-parse", "HEAD").Stdout.Trim();
    }

    public string Root => folder.Path;

    /// <summary>The commit whose templates/ the pipelines include.</summary>
    public string Sha { get; }

    /// <summary>A component include of this commit: <c>gitlab.example.com/acme/gates/NAME@SHA</c>.</summary>
    public string Component(string name) => $"{Path}/{name}@{Sha}";

    public string File(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>
    /// Writes the pipeline as .gitlab-ci.yml (left untracked, so the components' commit stays HEAD) and runs
    /// gitlab-ci-local with the shell executor; <c>{version}</c> in the pipeline is the packed tools' version.
    /// </summary>
    public RunResult Run(string pipeline, IReadOnlyDictionary<string, string>? variables = null, params string[] arguments)
    {
        folder.Write(".gitlab-ci.yml", pipeline.Replace("{version}", tools.PackageVersion, StringComparison.Ordinal));
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>()) { ["NUGET_PACKAGES"] = tools.PackageCache };
        string[] args =
        [
            RepositoryPaths.Of(".ci", "node-tools", "run"), "--gitlab-ci-local", "--force-shell-executor", "--no-color", "--max-job-name-padding", "0",
            .. all.SelectMany(v => new[] { "--variable", $"{v.Key}={v.Value}" }), .. arguments,
        ];
        return InstalledTools.Run("bash", args, Root);
    }

    public void Dispose() => folder.Dispose();

    private RunResult Git(params string[] arguments) => InstalledTools.Run("git", arguments, Root).ShouldExit(0);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
    }
}
