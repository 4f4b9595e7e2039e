using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Issue comments as GitHub serves them: 404 for unknown repositories or comments, pages of 30 (at most 100) with
/// <c>Link</c> headers, and 422 for a body over 65,536 characters.
/// </summary>
public sealed partial class FakeGitHub
{
    public const int MaxBodyLength = 65_536;
    private long nextCommentId = 1000;

    public List<FakeComment> Comments { get; } = [];

    /// <summary>Adds a comment by someone, as if posted earlier.</summary>
    public FakeComment Add(string repository, int number, string login, string body, bool isBot = false)
    {
        var comment = new FakeComment(nextCommentId++, repository, number, login, isBot, body);
        Comments.Add(comment);
        return comment;
    }

    public IEnumerable<FakeComment> On(string repository, int number) =>
        Comments.Where(c => c.Number == number && string.Equals(c.Repository, repository, StringComparison.OrdinalIgnoreCase));

    private FakeResponse? HandleComments(FakeAccount account, FakeRequest request, string path)
    {
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
                "POST" => WriteComment(account, request, body => FakeResponse.Json(201, Json(Add(repository, number, account.Login, body, account.IsBot)))),
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
                "PATCH" => WriteComment(account, request, body =>
                {
                    comment.Body = body;
                    return FakeResponse.Json(200, Json(comment));
                }),
                "DELETE" => WriteComment(account, request, _ =>
                {
                    Comments.Remove(comment);
                    return FakeResponse.Empty(204);
                }, needsBody: false),
                _ => FakeResponse.Message(405, "Method Not Allowed"),
            };
        }

        return null;
    }

    private static FakeResponse WriteComment(FakeAccount account, FakeRequest request, Func<string, FakeResponse> write, bool needsBody = true)
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
            return FakeResponse.Json(422, new JsonObject
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

    private FakeResponse Page(FakeRequest request, string repository, int number)
    {
        var perPage = Math.Clamp(int.TryParse(request.Query.GetValueOrDefault("per_page"), out var p) ? p : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(request.Query.GetValueOrDefault("page"), out var n) ? n : 1);
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

        return links.Count > 0 ? FakeResponse.Json(200, items, ("Link", string.Join(", ", links))) : FakeResponse.Json(200, items);
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
