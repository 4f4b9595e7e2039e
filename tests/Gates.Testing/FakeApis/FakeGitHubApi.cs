using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Gates.Testing.FakeApis;

/// <summary>
/// Plays GitHub's REST API for issue comments where it matters: token accounts (a read-only token gets 403
/// "Resource not accessible by integration", an app token gets 403 from <c>GET /user</c>, an unknown token 401),
/// 404 for unknown repositories or comments, pages of 30 (at most 100) with <c>Link</c> headers, and 422 for a
/// body over 65,536 characters. Serve it under <c>/api/v3</c> to play GitHub Enterprise Server.
/// </summary>
public sealed partial class FakeGitHubApi : IDisposable
{
    public const int MaxBodyLength = 65_536;
    private readonly HashSet<string> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeAccount> accounts = new(StringComparer.Ordinal);
    private readonly string prefix;
    private long nextId = 1000;

    public FakeGitHubApi(string pathPrefix = "")
    {
        prefix = pathPrefix.TrimEnd('/');
        Server = new LocalHttpServer(Handle);
    }

    public LocalHttpServer Server { get; }

    /// <summary>What GITHUB_API_URL would say: http://127.0.0.1:PORT[/api/v3].</summary>
    public string ApiUrl => Server.BaseUrl + prefix;

    public List<FakeComment> Comments { get; } = [];

    public FakeGitHubApi WithRepository(string ownerSlashName)
    {
        repositories.Add(ownerSlashName);
        return this;
    }

    /// <summary>A token and the account it acts as.</summary>
    public FakeGitHubApi WithToken(string token, FakeAccount account)
    {
        accounts[token] = account;
        return this;
    }

    /// <summary>Adds a comment by someone, as if posted earlier.</summary>
    public FakeComment Add(string repository, int number, string login, string body, bool isBot = false)
    {
        var comment = new FakeComment(nextId++, repository, number, login, isBot, body);
        Comments.Add(comment);
        return comment;
    }

    public IEnumerable<FakeComment> On(string repository, int number) =>
        Comments.Where(c => c.Number == number && string.Equals(c.Repository, repository, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => Server.Dispose();

    private FakeResponse Handle(LoggedRequest request)
    {
        if (!request.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return FakeResponse.Message(404, "Not Found");
        }

        var path = request.Path[prefix.Length..];
        var auth = request.Header("Authorization") ?? "";
        var token = auth.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? auth[6..] : auth.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..] : "";
        if (!accounts.TryGetValue(token, out var account))
        {
            return FakeResponse.Message(401, "Bad credentials");
        }

        if (path == "/user" && request.Method == "GET")
        {
            return account.CanReadUser
                ? new FakeResponse(200, User(account))
                : FakeResponse.Message(403, "Resource not accessible by integration");
        }

        if (IssueComments().Match(path) is { Success: true } list)
        {
            var repository = $"{list.Groups[1].Value}/{list.Groups[2].Value}";
            var number = int.Parse(list.Groups[3].Value, CultureInfo.InvariantCulture);
            if (!repositories.Contains(repository))
            {
                return FakeResponse.Message(404, "Not Found");
            }

            return request.Method switch
            {
                "GET" => Page(request, repository, number),
                "POST" => Write(account, request, body => new FakeResponse(201, Json(Add(repository, number, account.Login, body, account.IsBot)))),
                _ => FakeResponse.Message(405, "Method Not Allowed"),
            };
        }

        if (OneComment().Match(path) is { Success: true } one)
        {
            var repository = $"{one.Groups[1].Value}/{one.Groups[2].Value}";
            var id = long.Parse(one.Groups[3].Value, CultureInfo.InvariantCulture);
            var comment = Comments.FirstOrDefault(c => c.Id == id && string.Equals(c.Repository, repository, StringComparison.OrdinalIgnoreCase));
            if (comment is null)
            {
                return FakeResponse.Message(404, "Not Found");
            }

            return request.Method switch
            {
                "PATCH" => Write(account, request, body =>
                {
                    comment.Body = body;
                    return new FakeResponse(200, Json(comment));
                }),
                "DELETE" => Write(account, request, _ =>
                {
                    Comments.Remove(comment);
                    return new FakeResponse(204);
                }, needsBody: false),
                _ => FakeResponse.Message(405, "Method Not Allowed"),
            };
        }

        return FakeResponse.Message(404, "Not Found");
    }

    private static FakeResponse Write(FakeAccount account, LoggedRequest request, Func<string, FakeResponse> write, bool needsBody = true)
    {
        if (!account.CanWrite)
        {
            return FakeResponse.Message(403, "Resource not accessible by integration");
        }

        var body = needsBody ? request.Json?["body"]?.GetValue<string>() : "";
        if (body is null)
        {
            return FakeResponse.Message(422, "Invalid request.");
        }

        if (body.Length > MaxBodyLength)
        {
            return new FakeResponse(422, new JsonObject
            {
                ["message"] = "Validation Failed",
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["resource"] = "IssueComment", ["code"] = "custom", ["field"] = "body",
                    ["message"] = $"body is too long (maximum is {MaxBodyLength} characters)",
                }),
            });
        }

        return write(body);
    }

    private FakeResponse Page(LoggedRequest request, string repository, int number)
    {
        var perPage = Math.Clamp(int.TryParse(request.Query("per_page"), out var p) ? p : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(request.Query("page"), out var n) ? n : 1);
        var all = On(repository, number).OrderBy(c => c.Id).ToList();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)Json(c))]);
        var url = $"{ApiUrl}/repos/{repository}/issues/{number}/comments?per_page={perPage}&page=";
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{url}{page + 1}>; rel=\"next\"");
            links.Add($"<{url}{last}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{url}1>; rel=\"first\"");
            links.Add($"<{url}{page - 1}>; rel=\"prev\"");
        }

        return new FakeResponse(200, items, links.Count > 0 ? [("Link", string.Join(", ", links))] : null);
    }

    private JsonObject Json(FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = $"{ApiUrl}/repos/{comment.Repository}/issues/comments/{comment.Id}",
        ["html_url"] = $"https://github.example/{comment.Repository}/pull/{comment.Number}#issuecomment-{comment.Id}",
        ["body"] = comment.Body,
        ["user"] = User(new FakeAccount(comment.Login, comment.IsBot)),
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["author_association"] = "NONE",
    };

    private static JsonObject User(FakeAccount account) => new()
    {
        ["login"] = account.Login,
        ["id"] = Math.Abs(account.Login.GetHashCode(StringComparison.Ordinal)),
        ["type"] = account.IsBot ? "Bot" : "User",
    };

    [GeneratedRegex("^/repos/([^/]+)/([^/]+)/issues/([0-9]+)/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex("^/repos/([^/]+)/([^/]+)/issues/comments/([0-9]+)$")]
    private static partial Regex OneComment();
}

/// <summary>
/// An account a token acts as. GitHub Actions' GITHUB_TOKEN is <c>github-actions[bot]</c>, a bot that cannot read
/// <c>/user</c>; a personal token is a user that can; a fork's token cannot write.
/// </summary>
public sealed record FakeAccount(string Login, bool IsBot, bool CanWrite = true, bool CanReadUser = true)
{
    public static FakeAccount ActionsToken { get; } = new("github-actions[bot]", IsBot: true, CanReadUser: false);

    public static FakeAccount ReadOnlyActionsToken { get; } = new("github-actions[bot]", IsBot: true, CanWrite: false, CanReadUser: false);
}

/// <summary>A stored comment; the body changes when it is updated.</summary>
public sealed class FakeComment(long id, string repository, int number, string login, bool isBot, string body)
{
    public long Id { get; } = id;
    public string Repository { get; } = repository;
    public int Number { get; } = number;
    public string Login { get; } = login;
    public bool IsBot { get; } = isBot;
    public string Body { get; set; } = body;
}
