using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Permissions;

/// <summary>
/// The token scope and least project role each GitLab REST v4 endpoint the tools call needs, from GitLab's
/// "Personal access token scopes" and "Roles and permissions" pages: writes need the <c>api</c> scope (reads work with
/// <c>read_api</c>); merge-request notes need Reporter; branches, commits and merge requests need Developer.
/// An endpoint missing here fails the test that asks.
/// </summary>
public static partial class GitLabPermissions
{
    public static readonly IReadOnlyList<string> Roles = ["Guest", "Reporter", "Developer", "Maintainer", "Owner"];

    public static (string Scope, string Role) Required(FakeRequest request)
    {
        var scope = request.Method is "GET" or "HEAD" ? "read_api" : "api";
        var path = request.RawPath;
        if (path == "/api/v4/user")
        {
            return (scope, "Guest");
        }

        if (Notes().IsMatch(path))
        {
            return (scope, "Reporter");
        }

        if (ProjectPath().Match(path) is { Success: true } m && m.Groups["rest"].Value is var rest
            && (rest.StartsWith("repository/", StringComparison.Ordinal) || rest.StartsWith("merge_requests", StringComparison.Ordinal)))
        {
            // Reading the repository of a private project needs Reporter; writing a branch or a merge request, Developer.
            return (scope, scope == "api" ? "Developer" : "Reporter");
        }

        throw new InvalidOperationException($"no known permission for {request.Method} {path}");
    }

    /// <summary>Does a token with this scope and role allow the request? (<c>api</c> includes <c>read_api</c>.)</summary>
    public static bool Allows(FakeRequest request, IReadOnlyCollection<string> scopes, string role)
    {
        var (scope, least) = Required(request);
        var scopeOk = scopes.Contains(scope) || (scope == "read_api" && scopes.Contains("api"));
        return scopeOk && Roles.ToList().IndexOf(role) >= Roles.ToList().IndexOf(least);
    }

    /// <summary>The least role that allows every request, and the scopes they need (read_api left out when api is needed).</summary>
    public static (IReadOnlyList<string> Scopes, string Role) Least(IEnumerable<FakeRequest> requests)
    {
        var needs = requests.Select(Required).ToList();
        var scopes = needs.Select(n => n.Scope).Distinct().ToList();
        if (scopes.Contains("api"))
        {
            scopes.Remove("read_api");
        }

        var role = needs.Select(n => n.Role).MaxBy(r => Roles.ToList().IndexOf(r)) ?? "Guest";
        return (scopes, role);
    }

    [GeneratedRegex(@"^/api/v4/projects/[^/]+/merge_requests/\d+/notes(/\d+)?$")]
    private static partial Regex Notes();

    [GeneratedRegex("^/api/v4/projects/[^/]+/(?<rest>.*)$")]
    private static partial Regex ProjectPath();
}
