using Xunit.Abstractions;

namespace Gates.Testing;

/// <summary>
/// A folder of ../shared/corpus, which CI has beside the clone. When it is absent the tests say so: under CI=true
/// that is a failure, on a developer's plain clone the test returns with a note in its output (never silently).
/// </summary>
public static class SharedCorpus
{
    /// <summary>The full path of ../shared/corpus/<paramref name="folder"/>, or null (with a note) when it is absent outside CI.</summary>
    public static string? Folder(string folder, ITestOutputHelper output)
    {
        var path = RepositoryPaths.Corpus is { } corpus ? Path.Combine(corpus, folder) : null;
        if (path is not null && Directory.Exists(path))
        {
            return path;
        }

        var message = $"The corpus folder is absent (expected ../shared/corpus/{folder} beside {RepositoryPaths.Root}); corpus tests did not run.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new Xunit.Sdk.XunitException(message);
        }

        output.WriteLine("NOTE: " + message);
        return null;
    }

    /// <summary>The files of a corpus folder's subfolder in name order, or empty (with a note) when absent outside CI.</summary>
    public static IReadOnlyList<string> Files(string folder, string subfolder, ITestOutputHelper output)
    {
        if (Folder(folder, output) is not { } root)
        {
            return [];
        }

        var path = Path.Combine(root, subfolder);
        if (!Directory.Exists(path))
        {
            throw new Xunit.Sdk.XunitException($"../shared/corpus/{folder}/{subfolder} is missing though ../shared/corpus/{folder} exists");
        }

        var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new Xunit.Sdk.XunitException($"../shared/corpus/{folder}/{subfolder} holds no files");
    }
}
