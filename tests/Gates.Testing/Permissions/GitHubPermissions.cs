using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Permissions;

/// <summary>A GitHub Actions / GitHub App permission at one level: (<c>pull-requests</c>, <c>write</c>).</summary>
public sealed record GitHubPermission(string Scope, string Level)
{
    public bool CoveredBy(IReadOnlyDictionary<string, string> granted) =>
        granted.TryGetValue(Scope, out var level) && (level == Level || (level == "write" && Level == "read"));

    public override string ToString() => $"{Scope}: {Level}";
}

/// <summary>
/// The permission each REST endpoint the tools call needs, from GitHub's "Permissions required for GitHub Apps" and
/// fine-grained token tables; where GitHub accepts either of two (issue comments and labels on a pull request:
/// Issues or Pull requests), both are listed. <c>GET /user</c> needs none (GITHUB_TOKEN is refused it and the tools
/// cope). An endpoint missing here fails the test that asks, so the table grows with the tools.
/// </summary>
public static partial class GitHubPermissions
{
    /// <summary>The alternatives, any one of which allows the request; empty when none is needed.</summary>
    public static IReadOnlyList<GitHubPermission> Required(FakeRequest request, string apiPath = "")
    {
        var path = request.Path[apiPath.Length..];
        var write = request.Method is not ("GET" or "HEAD");
        var level = write ? "write" : "read";
        if (path == "/user")
        {
            return [];
        }

        var m = RepositoryPath().Match(path);
        if (!m.Success)
        {
            throw new InvalidOperationException($"no known permission for {request.Method} {path}");
        }

        var rest = m.Groups["rest"].Value;
        return rest switch
        {
            _ when rest.StartsWith("issues/comments/", StringComparison.Ordinal) || IssueComments().IsMatch(rest) || IssueLabels().IsMatch(rest) =>
                [new("issues", level), new("pull-requests", level)],
            _ when rest == "pulls" || rest.StartsWith("pulls/", StringComparison.Ordinal) => [new("pull-requests", level)],
            _ when rest.StartsWith("git/", StringComparison.Ordinal) || rest.StartsWith("contents/", StringComparison.Ordinal)
                || rest.StartsWith("compare/", StringComparison.Ordinal) || rest.StartsWith("commits", StringComparison.Ordinal) => [new("contents", level)],
            _ => throw new InvalidOperationException($"no known permission for {request.Method} {path}"),
        };
    }

    /// <summary>Requests the granted permissions do not allow, worded for a test failure.</summary>
    public static IReadOnlyList<string> Refused(IEnumerable<FakeRequest> requests, IReadOnlyDictionary<string, string> granted, string apiPath = "") =>
        [.. requests.Select(r => (r, needs: Required(r, apiPath)))
            .Where(x => x.needs.Count > 0 && !x.needs.Any(p => p.CoveredBy(granted)))
            .Select(x => $"{x.r.Method} {x.r.Path} needs {string.Join(" or ", x.needs)}")];

    /// <summary>
    /// Granted permissions no request needed at that level (a <c>write</c> that only reads were made under is unused;
    /// so is a scope no request touched).
    /// </summary>
    public static IReadOnlyList<string> Unused(IEnumerable<FakeRequest> requests, IReadOnlyDictionary<string, string> granted, string apiPath = "")
    {
        var needs = requests.Select(r => Required(r, apiPath)).Where(n => n.Count > 0).ToList();
        return [.. granted.Select(g => new GitHubPermission(g.Key, g.Value))
            .Where(g => !needs.Any(n => n.Any(p => p.Scope == g.Scope && p.Level == g.Level)))
            .Select(g => g.ToString())];
    }

    [GeneratedRegex("^/repos/[^/]+/[^/]+/(?<rest>.*)$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"^issues/\d+/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex(@"^issues/\d+/labels$")]
    private static partial Regex IssueLabels();
}
