using Xunit;
using Xunit.Abstractions;

namespace Gates.Testing;

/// <summary>
/// A folder of ../shared/corpus, which CI has beside the clone. When it is absent the tests say so: under CI=true
/// that is a failure, on a developer's plain clone the test is reported as skipped (Xunit.SkippableFact: mark such
/// tests <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>), never as passed.
/// </summary>
public static class SharedCorpus
{
    /// <summary>The full path of ../shared/corpus/<paramref name="folder"/>; absent, the test fails under CI=true and is skipped otherwise.</summary>
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
        throw new SkipException(message);
    }

    /// <summary>The files of a corpus folder's subfolder in name order; absent, a failure under CI=true, else a skip.</summary>
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
