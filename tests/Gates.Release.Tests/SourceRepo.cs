using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>
/// A temporary git repository holding the build files and sources of this working tree (no bin/obj), as a
/// fresh clone has them: tags and commits made here give the versions MinVer computes.
/// </summary>
public sealed class SourceRepo : IDisposable
{
    private static readonly string[] Files = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md", ".editorconfig"];
    private static readonly string[] Folders = ["src", ".ci"];

    private readonly TempFolder folder = new();

    public SourceRepo(bool git = true)
    {
        foreach (var file in Files.Where(f => File.Exists(RepositoryPaths.Of(f))))
        {
            File.Copy(RepositoryPaths.Of(file), Path.Combine(Root, file));
        }

        foreach (var name in Folders)
        {
            CopyFolder(RepositoryPaths.Of(name), Path.Combine(Root, name));
        }

        if (git)
        {
            Git("init", "--quiet", "--initial-branch=main");
            Git("add", "--all");
            Commit("Sources");
        }
    }

    public string Root => folder.Path;

    /// <summary>The commit HEAD points at, as the tools show it (7 hex digits).</summary>
    public string ShortCommit => Git("rev-parse", "HEAD").Stdout.Trim()[..7];

    public CommandResult Git(params string[] args) =>
        Command.Run(Root, "git", ["-c", "user.name=Gates tests", "-c", "user.email=tests@gates.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", .. args]).ShouldSucceed();

    public void Commit(string message) => Git("commit", "--quiet", "--allow-empty", "-m", message);

    public void Tag(string name) => Git("tag", "-a", name, "-m", name);

    /// <summary>
    /// The package version this source tree builds as: only the target that sets it runs (MinVer's, or the one for
    /// a tree without git), nothing is compiled.
    /// </summary>
    public string PackageVersion()
    {
        var git = Directory.Exists(Path.Combine(Root, ".git"));
        var result = Dotnet.Run(Root, ["msbuild", "src/Gates.Core/Gates.Core.csproj", git ? "-restore" : "-nologo", git ? "-t:MinVer" : "-t:GatesVersionWithoutGit", "-getProperty:PackageVersion", "-nologo"]).ShouldSucceed();
        return result.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    public void Dispose() => folder.Dispose();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
