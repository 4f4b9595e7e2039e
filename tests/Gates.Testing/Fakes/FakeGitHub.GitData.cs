using System.Text;
using System.Text.Json.Nodes;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Git data of the played repository as GitHub serves it: refs, commits, trees, blobs, raw contents and compare,
/// including 422 "Update is not a fast forward" and 422 "Reference already exists".
/// </summary>
public sealed partial class FakeGitHub
{
    public FakeGitStore Git { get; } = new();

    /// <summary>Runs inside the next ref update, before it is checked: simulates another writer pushing first.</summary>
    public Action<FakeGitStore>? BeforeNextRefUpdate { get; set; }

    private FakeResponse? HandleGitData(FakeRequest request, string path) => (request.Method, path) switch
    {
        ("GET", _) when path.StartsWith("git/ref/heads/", StringComparison.Ordinal) => GetRef(path["git/ref/heads/".Length..]),
        ("GET", _) when path.StartsWith("git/refs/heads/", StringComparison.Ordinal) => GetRef(path["git/refs/heads/".Length..]),
        ("POST", "git/refs") => CreateRef(request.Json!),
        ("PATCH", _) when path.StartsWith("git/refs/heads/", StringComparison.Ordinal) => UpdateRef(path["git/refs/heads/".Length..], request.Json!),
        ("GET", _) when path.StartsWith("git/commits/", StringComparison.Ordinal) => GetCommit(path["git/commits/".Length..]),
        ("POST", "git/blobs") => CreateBlob(request.Json!),
        ("POST", "git/trees") => CreateTree(request.Json!),
        ("POST", "git/commits") => CreateCommit(request.Json!),
        ("GET", _) when path.StartsWith("compare/", StringComparison.Ordinal) => Compare(path["compare/".Length..]),
        ("GET", _) when path.StartsWith("contents/", StringComparison.Ordinal) => Contents(path["contents/".Length..], request.Query.GetValueOrDefault("ref"), request.Header("Accept") ?? ""),
        _ => null,
    };

    private FakeResponse GetRef(string branch) => Git.Branches.TryGetValue(branch, out var sha)
        ? FakeResponse.Json(200, RefJson(branch, sha))
        : FakeResponse.Message(404, "Not Found");

    private FakeResponse CreateRef(JsonNode body)
    {
        var name = (string)body["ref"]!;
        var sha = (string)body["sha"]!;
        var branch = name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name["refs/heads/".Length..] : name;
        var hook = BeforeNextRefUpdate;
        BeforeNextRefUpdate = null;
        hook?.Invoke(Git);
        if (Git.Branches.ContainsKey(branch))
        {
            return FakeResponse.Message(422, "Reference already exists");
        }

        if (!Git.Commits.ContainsKey(sha))
        {
            return FakeResponse.Message(422, "Object does not exist");
        }

        Git.Branches[branch] = sha;
        return FakeResponse.Json(201, RefJson(branch, sha));
    }

    private FakeResponse UpdateRef(string branch, JsonNode body)
    {
        var sha = (string)body["sha"]!;
        var force = body["force"]?.GetValue<bool>() ?? false;
        var hook = BeforeNextRefUpdate;
        BeforeNextRefUpdate = null;
        hook?.Invoke(Git);
        if (!Git.Branches.TryGetValue(branch, out var current))
        {
            return FakeResponse.Message(422, "Reference does not exist");
        }

        if (!force && !Git.IsAncestor(current, sha))
        {
            return FakeResponse.Message(422, "Update is not a fast forward");
        }

        Git.Branches[branch] = sha;
        return FakeResponse.Json(200, RefJson(branch, sha));
    }

    private FakeResponse GetCommit(string sha) => Git.Commits.TryGetValue(sha, out var c)
        ? FakeResponse.Json(200, CommitJson(c))
        : FakeResponse.Message(404, "Not Found");

    private FakeResponse CreateBlob(JsonNode body)
    {
        var content = (string)body["content"]!;
        var bytes = (string?)body["encoding"] == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
        return FakeResponse.Json(201, new JsonObject { ["sha"] = Git.AddBlob(bytes), ["url"] = "" });
    }

    private FakeResponse CreateTree(JsonNode body)
    {
        var baseTree = (string?)body["base_tree"];
        var entries = baseTree is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(Git.Trees[baseTree], StringComparer.Ordinal);
        foreach (var item in body["tree"]!.AsArray())
        {
            entries[(string)item!["path"]!] = (string)item["sha"]!;
        }

        return FakeResponse.Json(201, new JsonObject { ["sha"] = Git.AddTree(entries), ["tree"] = new JsonArray() });
    }

    private FakeResponse CreateCommit(JsonNode body)
    {
        var parents = body["parents"]!.AsArray().Select(p => (string)p!).ToList();
        var sha = Git.AddCommit((string)body["tree"]!, parents, (string)body["message"]!);
        return FakeResponse.Json(201, CommitJson(Git.Commits[sha]));
    }

    private FakeResponse Compare(string range)
    {
        var parts = range.Split("...");
        var (from, to) = (Resolve(parts[0]), Resolve(parts[1]));
        if (from is null || to is null)
        {
            return FakeResponse.Message(404, "Not Found");
        }

        // As GitHub counts: ahead_by are the commits of head that base lacks, behind_by those of base that head lacks.
        var (baseCommits, headCommits) = (Git.Reachable(from), Git.Reachable(to));
        var ahead = headCommits.Where(c => !baseCommits.Contains(c)).ToList();
        var behind = baseCommits.Count(c => !headCommits.Contains(c));
        var status = (ahead.Count, behind) switch { (0, 0) => "identical", (_, 0) => "ahead", (0, _) => "behind", _ => "diverged" };
        return FakeResponse.Json(200, new JsonObject
        {
            ["status"] = status,
            ["ahead_by"] = ahead.Count,
            ["behind_by"] = behind,
            ["total_commits"] = ahead.Count,
            ["merge_base_commit"] = new JsonObject { ["sha"] = MergeBase(baseCommits, to) },
            ["commits"] = new JsonArray([.. ahead.Select(c => (JsonNode)CommitJson(Git.Commits[c]))]),
            ["files"] = new JsonArray(),
        });
    }

    private string? MergeBase(HashSet<string> baseCommits, string head)
    {
        var queue = new Queue<string>([head]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var sha = queue.Dequeue();
            if (baseCommits.Contains(sha))
            {
                return sha;
            }

            if (seen.Add(sha))
            {
                foreach (var p in Git.Commits[sha].Parents)
                {
                    queue.Enqueue(p);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The raw bytes when Accept asks for <c>application/vnd.github.raw</c> (or the v3 spelling); otherwise the
    /// JSON object with base64 content, as GitHub answers the default media type.
    /// </summary>
    private FakeResponse Contents(string path, string? reference, string accept)
    {
        var commit = Resolve(reference ?? "main");
        var text = commit is null ? null : Git.ReadFile(commit, path);
        if (text is null)
        {
            return FakeResponse.Message(404, "Not Found");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (accept.Contains("application/vnd.github.v3.raw", StringComparison.OrdinalIgnoreCase))
        {
            return new FakeResponse(200, bytes, "application/vnd.github.v3.raw");
        }

        if (accept.Contains("application/vnd.github.raw", StringComparison.OrdinalIgnoreCase))
        {
            return new FakeResponse(200, bytes, "application/vnd.github.raw");
        }

        return FakeResponse.Json(200, new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = bytes.Length,
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["path"] = path,
            ["content"] = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks),
            ["sha"] = Git.Trees[Git.Commits[commit!].Tree][path],
        });
    }

    private string? Resolve(string reference) =>
        Git.Branches.TryGetValue(reference, out var sha) ? sha : Git.Commits.ContainsKey(reference) ? reference : null;

    private JsonObject RefJson(string branch, string sha) => new()
    {
        ["ref"] = $"refs/heads/{branch}",
        ["url"] = $"{ApiUrl}/repos/{Owner}/{Repo}/git/refs/heads/{branch}",
        ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = sha, ["url"] = "" },
    };

    private static JsonObject CommitJson(FakeCommit c) => new()
    {
        ["sha"] = c.Sha,
        ["message"] = c.Message,
        ["tree"] = new JsonObject { ["sha"] = c.Tree, ["url"] = "" },
        ["parents"] = new JsonArray([.. c.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p, ["url"] = "" })]),
    };
}
