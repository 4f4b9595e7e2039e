using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Merge-request notes as GitLab serves them: 404 for unknown projects or notes, system notes mixed in, pages of 20
/// (at most 100) with <c>Link</c> and <c>X-Next-Page</c> headers, and 422 past 1,000,000 characters.
/// </summary>
public sealed partial class FakeGitLab
{
    public const int MaxBodyLength = 1_000_000;
    private long nextNoteId = 5000;

    public List<FakeNote> Notes { get; } = [];

    public FakeNote Add(string project, long iid, FakeGitLabUser author, string body, bool system = false)
    {
        var note = new FakeNote(nextNoteId++, project, iid, author, body, system);
        Notes.Add(note);
        return note;
    }

    public IEnumerable<FakeNote> On(string project, long iid) => Notes.Where(n => n.Project == project && n.Iid == iid);

    private FakeResponse? HandleNotes(FakeGitLabUser user, FakeRequest request)
    {
        var match = NotesPath().Match(request.RawPath);
        if (!match.Success)
        {
            return null;
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
                "POST" => WriteNote(user, request, body => FakeResponse.Json(201, Json(Add(project, iid, user, body)))),
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
            "PUT" => WriteNote(user, request, body =>
            {
                note.Body = body;
                return FakeResponse.Json(200, Json(note));
            }),
            "DELETE" => WriteNote(user, request, _ =>
            {
                Notes.Remove(note);
                return FakeResponse.Empty(204);
            }, needsBody: false),
            _ => FakeResponse.Message(405, "405 Method Not Allowed"),
        };
    }

    private static FakeResponse WriteNote(FakeGitLabUser user, FakeRequest request, Func<string, FakeResponse> write, bool needsBody = true)
    {
        if (!user.CanWrite)
        {
            return FakeResponse.Message(403, "403 Forbidden");
        }

        var body = needsBody ? request.Json?["body"]?.GetValue<string>() : "";
        if (body is null)
        {
            return FakeResponse.Json(400, new JsonObject { ["error"] = "body is missing" });
        }

        return body.Length > MaxBodyLength
            ? FakeResponse.Json(422, new JsonObject { ["message"] = new JsonObject { ["note"] = new JsonArray("is too long (maximum is 1000000 characters)") } })
            : write(body);
    }

    private FakeResponse Page(FakeRequest request, string project, long iid)
    {
        var perPage = Math.Clamp(int.TryParse(request.Query.GetValueOrDefault("per_page"), out var p) ? p : 20, 1, 100);
        var page = Math.Max(1, int.TryParse(request.Query.GetValueOrDefault("page"), out var n) ? n : 1);
        var all = On(project, iid).OrderBy(x => x.Id).ToList();
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(x => (JsonNode)Json(x))]);
        var headers = new List<(string Name, string Value)> { ("X-Page", $"{page}"), ("X-Per-Page", $"{perPage}"), ("X-Total", $"{all.Count}") };
        headers.Add(("X-Next-Page", page < last ? $"{page + 1}" : ""));
        if (page < last)
        {
            var url = $"{ApiUrl}/projects/{Uri.EscapeDataString(project)}/merge_requests/{iid}/notes?per_page={perPage}&page={page + 1}";
            headers.Add(("Link", $"<{url}>; rel=\"next\""));
        }

        return FakeResponse.Json(200, items, [.. headers]);
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
