using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Plays GitHub's REST API where the tools depend on it, on a <see cref="LocalHttpServer"/>: issue comments (see
/// FakeGitHub.Comments.cs), Git data, contents, compare and pull requests of one repository (FakeGitHub.GitData.cs
/// and FakeGitHub.Pulls.cs). Tokens act as accounts: an unknown token gets 401, a read-only one 403 on writes.
/// Serve it under <c>/api/v3</c> to play GitHub Enterprise Server.
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    private readonly HashSet<string> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeAccount> accounts = new(StringComparer.Ordinal);
    private readonly string prefix;

    /// <param name="owner">Owner of the repository whose Git data and pulls are played.</param>
    /// <param name="repo">Name of that repository.</param>
    /// <param name="token">A token that acts as a user who may write.</param>
    /// <param name="apiPath">The API's path on the server: empty for github.com's shape, <c>/api/v3</c> for GHES.</param>
    public FakeGitHub(string owner = "acme", string repo = "gitops", string token = "test-token-123", string apiPath = "")
    {
        Owner = owner;
        Repo = repo;
        Token = token;
        prefix = apiPath.TrimEnd('/');
        repositories.Add($"{owner}/{repo}");
        accounts[token] = new FakeAccount("gates-test-user", IsBot: false);
        Server = new LocalHttpServer(Handle);
    }

    public LocalHttpServer Server { get; }

    public string Owner { get; }
    public string Repo { get; }
    public string Token { get; }

    /// <summary>What GITHUB_API_URL would say: http://127.0.0.1:PORT[/api/v3], without a trailing slash.</summary>
    public string ApiUrl => Server.BaseUrl + prefix;

    public IReadOnlyList<FakeRequest> Requests => Server.Requests;

    public int Writes => Requests.Count(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE");

    public FakeGitHub WithRepository(string ownerSlashName)
    {
        repositories.Add(ownerSlashName);
        return this;
    }

    /// <summary>A token and the account it acts as.</summary>
    public FakeGitHub WithToken(string token, FakeAccount account)
    {
        accounts[token] = account;
        return this;
    }

    public void Dispose() => Server.Dispose();

    private FakeResponse Handle(FakeRequest request)
    {
        if (!request.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return FakeResponse.Message(404, "Not Found");
        }

        if (!accounts.TryGetValue(TokenOf(request), out var account))
        {
            return FakeResponse.Message(401, "Bad credentials");
        }

        var path = request.Path[prefix.Length..];
        if (path == "/user" && request.Method == "GET")
        {
            return account.CanReadUser
                ? FakeResponse.Json(200, User(account))
                : FakeResponse.Message(403, "Resource not accessible by integration");
        }

        return HandleComments(account, request, path)
            ?? HandleRepository(account, request, path)
            ?? FakeResponse.Message(404, "Not Found");
    }

    private FakeResponse? HandleRepository(FakeAccount account, FakeRequest request, string path)
    {
        var repositoryPrefix = $"/repos/{Owner}/{Repo}/";
        if (!path.StartsWith(repositoryPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (request.Method != "GET" && !account.CanWrite)
        {
            return FakeResponse.Message(403, "Resource not accessible by integration");
        }

        var rest = path[repositoryPrefix.Length..];
        return HandleGitData(request, rest) ?? HandlePulls(request, rest);
    }

    private static string TokenOf(FakeRequest request)
    {
        var auth = request.Authorization ?? "";
        var space = auth.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? "" : auth[..space];
        return scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)
            ? auth[(space + 1)..]
            : "";
    }
}
