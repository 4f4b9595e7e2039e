using Gates.Testing;
using Xunit.Abstractions;

namespace Gates.ManifestBump.Tests.Corpus;

/// <summary>The YAML files of ../shared/corpus/manifests (absent: a failure under CI, a note otherwise; see SharedCorpus).</summary>
internal static class CorpusFolder
{
    public static IReadOnlyList<string>? Files(ITestOutputHelper output) =>
        SharedCorpus.Folder("manifests", output) is { } folder
            ? [.. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : null;

    public static string Name(string file) => Path.GetRelativePath(RepositoryPaths.Corpus!, file);
}
