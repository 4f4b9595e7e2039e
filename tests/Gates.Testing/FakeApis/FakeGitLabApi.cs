using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gates.Testing.FakeApis;

/// <summary>
/// Plays GitLab's REST API v4 for merge-request notes where it matters: <c>PRIVATE-TOKEN</c> users (401 for an
/// unknown token, 403 when the user may not write), 404 for unknown projects or notes, system notes mixed in,
/// pages of 20 (at most 100) with <c>Link</c> and <c>X-Next-Page</c> headers, and 422 past 1,000,000 characters.
/// </summary>
public sealed partial class FakeGitLabApi : IDisposable
{
    public const int MaxBodyLength = 1_000_000;
    private readonly HashSet<string> projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeGitLabUser> users = new(StringComparer.Ordinal);
    private long nextId = 5000;

    public FakeGitLabApi() => Server = new LocalHttpServer(Handle);

    public LocalHttpServer Server { get; }

    /// <summary>What CI_API_V4_URL would say: http://127.0.0.1:PORT/api/v4.</summary>
    public string ApiUrl => Server.BaseUrl + "/api/v4";

    public List<FakeNote> Notes { get; } = [];

    public FakeGitLabApi WithProject(string id)
    {
        projects.Add(id);
        return this;
    }

    public FakeGitLabApi WithToken(string token, FakeGitLabUser user)
    {
        users[token] = user;
        return this;
    }

    public FakeNote Add(string project, long iid, FakeGitLabUser author, string body, bool system = false)
    {
        var note = new FakeNote(nextId++, project, iid, author, body, system);
        Notes.Add(note);
        return note;
    }

    public IEnumerable<FakeNote> On(string project, long iid) => Notes.Where(n => n.Project == project && n.Iid == iid);

    public void Dispose() => Server.Dispose();

    private FakeResponse Handle(LoggedRequest request)
    {
        if (!users.TryGetValue(request.Header("PRIVATE-TOKEN") ?? "", out var user))
        {
            return FakeResponse.Message(401, "401 Unauthorized");
        }

        if (request.Path == "/api/v4/user")
        {
            return new FakeResponse(200, new JsonObject { ["id"] = user.Id, ["username"] = user.Username, ["bot"] = true });
        }

        var match = NotesPath().Match(request.Path);
        if (!match.Success)
        {
            return FakeResponse.Message(404, "404 Not Found");
        }

        var project = Uri.UnescapeDataString(match.Groups[1].Value);
        var iid = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (!projects.Contains(project))
        {
            return FakeResponse.Message(404, "404 Project Not Found");
        }

        if (!match.Groups[3].Success)
        {
            return request.Method switch
            {
                "GET" => Page(request, project, iid),
                "POST" => Write(user, request, body => new FakeResponse(201, Json(Add(project, iid, user, body)))),
                _ => FakeResponse.Message(405, "405 Method Not Allowed"),
            };
        }

        var id = long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        var note = Notes.FirstOrDefault(n => n.Id == id && n.Project == project && n.Iid == iid);
        if (note is null)
        {
            return FakeResponse.Message(404, "404 Not found");
        }

        return request.Method switch
        {
            "PUT" => Write(user, request, body =>
            {
                note.Body = body;
                return new FakeResponse(200, Json(note));
            }),
            "DELETE" => Write(user, request, _ =>
            {
                Notes.Remove(note);
                return new FakeResponse(204);
            }, needsBody: false),
            _ => FakeResponse.Message(405, "405 Method Not Allowed"),
        };
    }

    private static FakeResponse Write(FakeGitLabUser user, LoggedRequest request, Func<string, FakeResponse> write, bool needsBody = true)
    {
        if (!user.CanWrite)
        {
            return FakeResponse.Message(403, "403 Forbidden");
        }

        var body = needsBody ? request.Json?["body"]?.GetValue<string>() : "";
        if (body is null)
        {
            return new FakeResponse(400, new JsonObject { ["error"] = "body is missing" });
        }

        return body.Length > MaxBodyLength
            ? new FakeResponse(422, new JsonObject { ["message"] = new JsonObject { ["note"] = new JsonArray("is too long (maximum is 1000000 characters)") } })
            : write(body);
    }

    private FakeResponse Page(LoggedRequest request, string project, long iid)
    {
        var perPage = Math.Clamp(int.TryParse(request.Query("per_page"), out var p) ? p : 20, 1, 100);
        var page = Math.Max(1, int.TryParse(request.Query("page"), out var n) ? n : 1);
        var all = On(project, iid).OrderBy(x => x.Id).ToList();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(x => (JsonNode)Json(x))]);
        var headers = new List<(string, string)> { ("X-Page", $"{page}"), ("X-Per-Page", $"{perPage}"), ("X-Total", $"{all.Count}") };
        headers.Add(("X-Next-Page", page < last ? $"{page + 1}" : ""));
        if (page < last)
        {
            var url = $"{ApiUrl}/projects/{Uri.EscapeDataString(project)}/merge_requests/{iid}/notes?per_page={perPage}&page={page + 1}";
            headers.Add(("Link", $"<{url}>; rel=\"next\""));
        }

        return new FakeResponse(200, items, headers);
    }

    private static JsonObject Json(FakeNote note) => new()
    {
        ["id"] = note.Id,
        ["body"] = note.Body,
        ["author"] = new JsonObject { ["id"] = note.Author.Id, ["username"] = note.Author.Username },
        ["system"] = note.System,
        ["noteable_iid"] = note.Iid,
        ["created_at"] = "2026-01-01T00:00:00Z",
    };

    [GeneratedRegex("^/api/v4/projects/([^/]+)/merge_requests/([0-9]+)/notes(?:/([0-9]+))?$")]
    private static partial Regex NotesPath();
}

public sealed record FakeGitLabUser(long Id, string Username, bool CanWrite = true);

public sealed class FakeNote(long id, string project, long iid, FakeGitLabUser author, string body, bool system)
{
    public long Id { get; } = id;
    public string Project { get; } = project;
    public long Iid { get; } = iid;
    public FakeGitLabUser Author { get; } = author;
    public bool System { get; } = system;
    public string Body { get; set; } = body;
}
