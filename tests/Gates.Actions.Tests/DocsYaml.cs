using System.Text.RegularExpressions;
using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>The fenced <c>```yaml</c> blocks of the Markdown pages in docs/ and the README, with where they are.</summary>
public static class DocsYaml
{
    private static readonly Regex Fence = new(@"^(?<indent>[ ]*)```(?<info>ya?ml)[^\n]*\n(?<body>.*?)^\k<indent>```[ ]*$",
        RegexOptions.Multiline | RegexOptions.Singleline);

    public static IEnumerable<string> Pages() =>
        Directory.GetFiles(RepositoryPaths.Of("docs"), "*.md").Append(RepositoryPaths.Of("README.md")).Order();

    public static IReadOnlyList<(string Where, string Text)> Blocks() =>
        Pages().SelectMany(page =>
        {
            var text = File.ReadAllText(page).Replace("\r\n", "\n");
            return Fence.Matches(text).Select(m =>
            {
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                var indent = m.Groups["indent"].Value.Length;
                var body = string.Join('\n', m.Groups["body"].Value.Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
                return ($"{Path.GetRelativePath(RepositoryPaths.Root, page)}:{line}", body);
            });
        }).ToList();

    /// <summary>A block that is a whole GitHub workflow (top-level <c>on:</c> and <c>jobs:</c>).</summary>
    public static bool IsWorkflow(string text) =>
        Regex.IsMatch(text, @"^on:", RegexOptions.Multiline) && Regex.IsMatch(text, @"^jobs:", RegexOptions.Multiline);
}
