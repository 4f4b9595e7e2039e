using System.Text;

namespace Gates.Cli.Comments;

/// <summary>
/// The hidden marker that identifies a tool's sticky comment: <c>&lt;!-- gates:&lt;tool&gt;:&lt;key&gt; --&gt;</c>,
/// placed at the end of the body so previews show the content. Tool and key are reduced to
/// <c>[a-z0-9._-]</c>, so nothing in them can close the HTML comment early; the rest of the body is escaped
/// Markdown in which <c>&lt;</c> and <c>&gt;</c> are entities, so no report text can forge or end a marker.
/// </summary>
public static class CommentMarker
{
    public const string DefaultKey = "default";

    public static string For(string tool, string? key) => $"<!-- gates:{Clean(tool)}:{Clean(string.IsNullOrWhiteSpace(key) ? DefaultKey : key)} -->";

    /// <summary>Lowercase letters, digits, '.', '_' and '-'; everything else becomes '-'; at most 100 characters.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-');
        }

        var clean = builder.ToString().Trim('-');
        while (clean.Contains("--", StringComparison.Ordinal))
        {
            clean = clean.Replace("--", "-", StringComparison.Ordinal);
        }

        clean = clean.Length > 100 ? clean[..100] : clean;
        return clean.Length == 0 ? DefaultKey : clean;
    }
}
