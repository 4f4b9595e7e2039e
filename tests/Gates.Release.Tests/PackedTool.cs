using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>
/// eval-gate packed once from a repository tagged v9.8.7, into a folder of packages: the feed of an air-gapped
/// install. Installs and one-shot runs use only that folder and a private package cache.
/// </summary>
public sealed class PackedTool : IDisposable
{
    public const string Version = "9.8.7";
    public const string Package = "Gates.EvalGate";

    private readonly TempFolder work = new();

    public PackedTool()
    {
        Repo = new SourceRepo();
        Repo.Tag("v" + Version);
        Commit = Repo.ShortCommit;
        Directory.CreateDirectory(Packages);
        Dotnet.Run(Repo.Root, ["pack", $"src/{Package}/{Package}.csproj", "-c", "Release", "-o", Packages, "--disable-build-servers", "--nologo"]).ShouldSucceed();
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="gates-folder" value="{Packages}" />
              </packageSources>
            </configuration>
            """);
    }

    public SourceRepo Repo { get; }

    public string Commit { get; }

    public string Packages => Path.Combine(work.Path, "packages");

    /// <summary>A nuget.config whose only source is the folder of packages.</summary>
    public string NuGetConfig => Path.Combine(work.Path, "nuget.config");

    /// <summary>Environment of installs and runs: a package cache of their own, so nothing comes from elsewhere.</summary>
    public IReadOnlyDictionary<string, string?> Offline(string cache) => new Dictionary<string, string?> { ["NUGET_PACKAGES"] = cache };

    public void Dispose()
    {
        Repo.Dispose();
        work.Dispose();
    }
}
