using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// The played project's repository and merge requests as GitLab serves them: branches, merge_base, repository files
/// (base64 content and last_commit_id), commits with actions (400 when a file changed since it was read or a branch
/// already exists), and merge requests (409 when one is already open, X-Next-Page pagination).
/// </summary>
public sealed partial class FakeGitLab
{
    private int nextIid = 1;

    public FakeGitStore Git { get; } = new();
    public List<FakeMergeRequest> MergeRequests { get; } = [];
    public int PageSize { get; set; } = 20;
    public Action<FakeGitStore>? BeforeNextCommit { get; set; }

    private FakeResponse? HandleRepository(FakeRequest request, string path) => (request.Method, path) switch
    {
        ("GET", _) when Segment(path, "repository/branches/") is { } name => Branch(name),
        ("GET", "repository/merge_base") => MergeBase(request.Query.GetValueOrDefault("refs[]", "").Split(',')),
        ("GET", _) when Segment(path, "repository/files/") is { } file => File(file, request.Query.GetValueOrDefault("ref", "")),
        ("POST", "repository/commits") => Commit(request.Json!),
        ("GET", "merge_requests") => ListMergeRequests(request),
        ("POST", "merge_requests") => CreateMergeRequest(request.Json!),
        ("PUT", _) when MergeRequestPath().Match(path) is { Success: true } m => UpdateMergeRequest(int.Parse(m.Groups[1].Value), request.Json!),
        _ => null,
    };

    /// <summary>The one encoded segment after <paramref name="route"/>, decoded; null when the path has more segments.</summary>
    private static string? Segment(string rawPath, string route) =>
        rawPath.StartsWith(route, StringComparison.Ordinal) && rawPath[route.Length..] is { Length: > 0 } rest && !rest.Contains('/', StringComparison.Ordinal)
            ? Uri.UnescapeDataString(rest)
            : null;

    private FakeResponse Branch(string name) => Git.Branches.TryGetValue(name, out var sha)
        ? FakeResponse.Json(200, new JsonObject { ["name"] = name, ["commit"] = new JsonObject { ["id"] = sha } })
        : FakeResponse.Message(404, "404 Branch Not Found");

    private FakeResponse MergeBase(string[] refs)
    {
        var (a, b) = (Resolve(refs[0]), Resolve(refs[^1]));
        if (a is null || b is null)
        {
            return FakeResponse.Message(404, "404 Not Found");
        }

        var id = Git.IsAncestor(b, a) ? b : Git.IsAncestor(a, b) ? a : Ancestors(a).First(x => Git.IsAncestor(x, b));
        return FakeResponse.Json(200, new JsonObject { ["id"] = id });
    }

    private FakeResponse File(string path, string reference)
    {
        var commit = Resolve(reference);
        var text = commit is null ? null : Git.ReadFile(commit, path);
        return text is null
            ? FakeResponse.Message(404, "404 File Not Found")
            : FakeResponse.Json(200, new JsonObject
            {
                ["file_path"] = path,
                ["encoding"] = "base64",
                ["content"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)),
                ["last_commit_id"] = LastCommitTouching(commit!, path),
            });
    }

    private FakeResponse Commit(JsonNode body)
    {
        var hook = BeforeNextCommit;
        BeforeNextCommit = null;
        hook?.Invoke(Git);
        var branch = (string)body["branch"]!;
        var start = (string?)body["start_sha"] ?? (string?)body["start_branch"];
        var force = body["force"]?.GetValue<bool>() ?? false;
        var exists = Git.Branches.TryGetValue(branch, out var head);
        if (start is not null && exists && !force)
        {
            return FakeResponse.Message(400, $"A branch called '{branch}' already exists. Switch to that branch in order to make changes");
        }

        var parent = start is not null ? Resolve(start) : head;
        if (parent is null)
        {
            return FakeResponse.Message(400, "You can only create or edit files when you are on a branch");
        }

        var entries = new Dictionary<string, string>(Git.Trees[Git.Commits[parent].Tree], StringComparer.Ordinal);
        foreach (var action in body["actions"]!.AsArray())
        {
            var path = (string)action!["file_path"]!;
            if (!entries.ContainsKey(path))
            {
                return FakeResponse.Message(400, "A file with this name doesn't exist");
            }

            if ((string?)action["last_commit_id"] is { } last && LastCommitTouching(parent, path) != last)
            {
                return FakeResponse.Message(400, "You are attempting to update a file that has changed since you started editing it.");
            }

            var content = (string)action["content"]!;
            entries[path] = Git.AddBlob((string?)action["encoding"] == "base64" ? Convert.FromBase64String(content) : System.Text.Encoding.UTF8.GetBytes(content));
        }

        var sha = Git.AddCommit(Git.AddTree(entries), [parent], (string)body["commit_message"]!);
        Git.Branches[branch] = sha;
        return FakeResponse.Json(201, new JsonObject { ["id"] = sha, ["message"] = (string)body["commit_message"]!, ["parent_ids"] = new JsonArray(parent) });
    }

    private FakeResponse ListMergeRequests(FakeRequest request)
    {
        var matching = MergeRequests.Where(m => m.State == request.Query.GetValueOrDefault("state", m.State)
            && (!request.Query.TryGetValue("source_branch", out var s) || m.Source == s)
            && (!request.Query.TryGetValue("target_branch", out var t) || m.Target == t)).ToList();
        var page = int.TryParse(request.Query.GetValueOrDefault("page"), out var p) ? p : 1;
        var size = Math.Min(PageSize, int.TryParse(request.Query.GetValueOrDefault("per_page"), out var n) ? n : PageSize);
        var nextPage = page * size < matching.Count ? (page + 1).ToString() : "";
        return FakeResponse.Json(200, new JsonArray([.. matching.Skip((page - 1) * size).Take(size).Select(Json)]), ("X-Next-Page", nextPage));
    }

    private FakeResponse CreateMergeRequest(JsonNode body)
    {
        var source = (string)body["source_branch"]!;
        if (MergeRequests.FirstOrDefault(m => m.State == "opened" && m.Source == source) is { } open)
        {
            return FakeResponse.Json(409, new JsonObject { ["message"] = new JsonArray($"Another open merge request already exists for this source branch: !{open.Iid}") });
        }

        var mr = new FakeMergeRequest { Iid = nextIid++, Source = source, Target = (string)body["target_branch"]!, Title = (string)body["title"]!, Description = (string?)body["description"] ?? "" };
        mr.Labels.AddRange(((string?)body["labels"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
        MergeRequests.Add(mr);
        return FakeResponse.Json(201, Json(mr));
    }

    private FakeResponse UpdateMergeRequest(int iid, JsonNode body)
    {
        var mr = MergeRequests.SingleOrDefault(m => m.Iid == iid);
        if (mr is null)
        {
            return FakeResponse.Message(404, "404 Not found");
        }

        mr.Title = (string?)body["title"] ?? mr.Title;
        mr.Description = (string?)body["description"] ?? mr.Description;
        foreach (var label in ((string?)body["add_labels"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(l => !mr.Labels.Contains(l)))
        {
            mr.Labels.Add(label);
        }

        return FakeResponse.Json(200, Json(mr));
    }

    /// <summary>The newest commit on the first-parent line of <paramref name="commit"/> that changed <paramref name="path"/>.</summary>
    private string LastCommitTouching(string commit, string path)
    {
        var current = commit;
        while (Git.Commits[current].Parents.FirstOrDefault() is { } parent && Blob(parent, path) == Blob(current, path))
        {
            current = parent;
        }

        return current;
    }

    private string? Blob(string commit, string path) => Git.Trees[Git.Commits[commit].Tree].GetValueOrDefault(path);

    private IEnumerable<string> Ancestors(string sha)
    {
        for (var c = sha; c is not null; c = Git.Commits[c].Parents.FirstOrDefault())
        {
            yield return c;
        }
    }

    private string? Resolve(string reference) =>
        Git.Branches.TryGetValue(reference, out var sha) ? sha : Git.Commits.ContainsKey(reference) ? reference : null;

    private JsonObject Json(FakeMergeRequest m) => new()
    {
        ["iid"] = m.Iid,
        ["title"] = m.Title,
        ["description"] = m.Description,
        ["state"] = m.State,
        ["source_branch"] = m.Source,
        ["target_branch"] = m.Target,
        ["labels"] = new JsonArray([.. m.Labels.Select(l => (JsonNode)l)]),
        ["web_url"] = $"https://gitlab.example/{Project}/-/merge_requests/{m.Iid}",
    };

    [GeneratedRegex(@"^merge_requests/(\d+)$")]
    private static partial Regex MergeRequestPath();
}
