using Gates.Testing;
using Xunit.Abstractions;

namespace Gates.ManifestBump.Tests.Corpus;

/// <summary>
/// ../shared/corpus/manifests, which CI has beside the clone. When it is absent the tests say so: in CI that is a
/// failure, on a developer's plain clone the test passes with a note in its output (never a silent skip).
/// </summary>
internal static class CorpusFolder
{
    public static IReadOnlyList<string>? Files(ITestOutputHelper output)
    {
        var folder = RepositoryPaths.Corpus is { } corpus ? Path.Combine(corpus, "manifests") : null;
        if (folder is null || !Directory.Exists(folder))
        {
            var message = $"The manifest corpus is absent (expected ../shared/corpus/manifests beside {RepositoryPaths.Root}); corpus round-trip tests did not run.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new Xunit.Sdk.XunitException(message);
            }

            output.WriteLine("NOTE: " + message);
            return null;
        }

        return [.. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    public static string Name(string file) => Path.GetRelativePath(RepositoryPaths.Corpus!, file);
}
