using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Plays GitLab's REST API v4 where the tools depend on it, on a <see cref="LocalHttpServer"/>: merge-request notes
/// (FakeGitLab.Notes.cs) and the repository and merge requests of one project (FakeGitLab.Repository.cs).
/// <c>PRIVATE-TOKEN</c> users: 401 for an unknown token, 403 on writes when the user may not write.
/// </summary>
public sealed partial class FakeGitLab : IDisposable
{
    private readonly HashSet<string> projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeGitLabUser> users = new(StringComparer.Ordinal);
    private readonly string prefix;

    /// <param name="project">The project whose repository and merge requests are played.</param>
    /// <param name="token">A token that acts as a user who may write.</param>
    public FakeGitLab(string project = "ml/gitops", string token = "glpat-test-789")
    {
        Project = project;
        Token = token;
        prefix = $"/api/v4/projects/{Uri.EscapeDataString(project)}/";
        projects.Add(project);
        users[token] = new FakeGitLabUser(1, "gates-test-user");
        Server = new LocalHttpServer(Handle);
    }

    public LocalHttpServer Server { get; }

    public string Project { get; }
    public string Token { get; }

    /// <summary>What CI_API_V4_URL would say: http://127.0.0.1:PORT/api/v4.</summary>
    public string ApiUrl => Server.BaseUrl + "/api/v4";

    public IReadOnlyList<FakeRequest> Requests => Server.Requests;

    public int Writes => Requests.Count(r => r.Method is "POST" or "PUT" or "DELETE");

    public FakeGitLab WithProject(string id)
    {
        projects.Add(id);
        return this;
    }

    public FakeGitLab WithToken(string token, FakeGitLabUser user)
    {
        users[token] = user;
        return this;
    }

    public void Dispose() => Server.Dispose();

    private FakeResponse Handle(FakeRequest request)
    {
        if (!users.TryGetValue(request.Header("PRIVATE-TOKEN") ?? "", out var user))
        {
            return FakeResponse.Message(401, "401 Unauthorized");
        }

        if (request.Path == "/api/v4/user")
        {
            return FakeResponse.Json(200, new System.Text.Json.Nodes.JsonObject { ["id"] = user.Id, ["username"] = user.Username, ["bot"] = true });
        }

        if (HandleNotes(user, request) is { } notes)
        {
            return notes;
        }

        // GitLab routes on the path as sent: the project, a branch and a file path are each one segment, their
        // slashes encoded as %2F; a literal slash there does not reach the endpoint.
        if (!request.RawPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return FakeResponse.Message(404, "404 Project Not Found");
        }

        if (request.Method != "GET" && !user.CanWrite)
        {
            return FakeResponse.Message(403, "403 Forbidden");
        }

        return HandleRepository(request, request.RawPath[prefix.Length..]) ?? FakeResponse.Message(404, "404 Not Found");
    }
}
