using System.Text;
using System.Text.RegularExpressions;
using Gates.Core;

namespace Gates.GateReport;

/// <summary>
/// Expands one <c>--reports</c> value: a plain path must exist; a pattern with <c>*</c> (within a folder),
/// <c>?</c> (one character) or <c>**</c> (any folders) must match at least one file. Matches are sorted
/// ordinally so the order never depends on the file system.
/// </summary>
internal static class ReportGlob
{
    public static IReadOnlyList<string> Expand(string pattern, string workingDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        if (!HasWildcard(normalized))
        {
            var full = Path.GetFullPath(normalized, workingDirectory);
            return File.Exists(full) ? [full]
                : Directory.Exists(full) ? throw new GateInputException($"--reports: {pattern}: is a folder, not a gate report (to read the reports in it, give a glob such as '{pattern.TrimEnd('/')}/*.json')")
                : throw new GateInputException($"--reports: {pattern}: no such file");
        }

        var segments = normalized.Split('/');
        var fixedCount = segments.TakeWhile(s => !HasWildcard(s)).Count();
        var fixedPart = string.Join('/', segments.Take(fixedCount));
        var root = Path.GetFullPath(fixedPart.Length == 0 && normalized.StartsWith('/') ? "/" : fixedPart.Length == 0 ? "." : fixedPart, workingDirectory);
        var rest = segments.Skip(fixedCount).ToList();
        var matches = Directory.Exists(root) ? Find(root, rest) : [];
        return matches.Count > 0
            ? matches
            : throw new GateInputException($"--reports: '{pattern}' matched no file (looked in {root})");
    }

    private static List<string> Find(string root, List<string> rest)
    {
        var regex = new Regex("^" + Pattern(rest) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        var deep = rest.Count > 1 || rest.Contains("**");
        var options = new EnumerationOptions { RecurseSubdirectories = deep, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
        return [.. Directory.EnumerateFiles(root, "*", options)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The relative-path regex: "**/" matches any number of folders (including none), a final "**" anything.</summary>
    private static string Pattern(List<string> segments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            if (segments[i] == "**")
            {
                builder.Append(last ? ".*" : "(?:.*/)?");
                continue;
            }

            foreach (var c in segments[i])
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            builder.Append(last ? "" : "/");
        }

        return builder.ToString();
    }

    private static bool HasWildcard(string text) => text.Contains('*') || text.Contains('?');
}
