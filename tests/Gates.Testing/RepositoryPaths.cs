namespace Gates.Testing;

/// <summary>Locates the repository root (the folder with Gates.sln) and the shared corpus beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>../shared/corpus, or null when the clone has no shared folder beside it.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gates.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gates.sln not found above " + AppContext.BaseDirectory);
    }
}
