using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gates.Fakes;

/// <summary>An open or closed pull request in <see cref="FakeGitHub"/>.</summary>
public sealed class FakePullRequest
{
    public required int Number { get; init; }
    public required string Head { get; init; }
    public required string Base { get; init; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string State { get; set; } = "open";
    public List<string> Labels { get; } = [];
}

/// <summary>
/// Behaves like the GitHub REST API where manifest-bump depends on it: Git Data (refs, commits, trees, blobs), raw
/// contents, compare, and pulls — including 422 "Update is not a fast forward", 422 "Reference already exists",
/// 422 "A pull request already exists", 401 without the token, and Link-header pagination of pull requests.
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    private readonly LocalHttpServer server;
    private readonly string prefix;
    private int nextPull = 1;

    public FakeGitHub(string owner = "acme", string repo = "gitops", string token = "test-token-123", string apiPath = "/api/v3/")
    {
        Owner = owner;
        Repo = repo;
        Token = token;
        prefix = $"{apiPath}repos/{owner}/{repo}/";
        server = new LocalHttpServer(Handle, apiPath);
    }

    public string Owner { get; }
    public string Repo { get; }
    public string Token { get; }
    public Uri ApiUrl => server.BaseAddress;
    public FakeGitStore Git { get; } = new();
    public List<FakePullRequest> Pulls { get; } = [];
    public IReadOnlyList<FakeRequest> Requests => server.Requests;
    public int PageSize { get; set; } = 30;

    /// <summary>Answer pull-request lists without applying the head filter (as GitHub does for a malformed head).</summary>
    public bool IgnoreHeadFilter { get; set; }

    /// <summary>Runs inside the next ref update, before it is checked: simulates another writer pushing first.</summary>
    public Action<FakeGitStore>? BeforeNextRefUpdate { get; set; }

    public IEnumerable<FakePullRequest> OpenPulls => Pulls.Where(p => p.State == "open");

    public int Writes => Requests.Count(r => r.Method is "POST" or "PATCH" or "PUT" or "DELETE");

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Authorization is null || !request.Authorization.EndsWith(" " + Token, StringComparison.Ordinal))
        {
            return FakeResponse.Message(401, "Bad credentials");
        }

        if (!request.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return FakeResponse.Message(404, "Not Found");
        }

        var path = request.Path[prefix.Length..];
        return (request.Method, path) switch
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
            ("GET", _) when path.StartsWith("contents/", StringComparison.Ordinal) => Contents(path["contents/".Length..], request.Query.GetValueOrDefault("ref")),
            ("GET", "pulls") => ListPulls(request),
            ("POST", "pulls") => CreatePull(request.Json!),
            ("PATCH", _) when PullNumber().Match(path) is { Success: true } m => UpdatePull(int.Parse(m.Groups[1].Value), request.Json!),
            ("POST", _) when LabelsPath().Match(path) is { Success: true } m => AddLabels(int.Parse(m.Groups[1].Value), request.Json!),
            _ => FakeResponse.Message(404, "Not Found"),
        };
    }

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

        var status = from == to ? "identical" : Git.IsAncestor(from, to) ? "ahead" : Git.IsAncestor(to, from) ? "behind" : "diverged";
        return FakeResponse.Json(200, new JsonObject { ["status"] = status, ["ahead_by"] = 0, ["behind_by"] = 0, ["total_commits"] = 0, ["commits"] = new JsonArray(), ["files"] = new JsonArray() });
    }

    private FakeResponse Contents(string path, string? reference)
    {
        var commit = Resolve(reference ?? "main");
        var text = commit is null ? null : Git.ReadFile(commit, path);
        return text is null ? FakeResponse.Message(404, "Not Found") : FakeResponse.Raw(Encoding.UTF8.GetBytes(text));
    }

    private FakeResponse ListPulls(FakeRequest request)
    {
        var state = request.Query.GetValueOrDefault("state", "open");
        var head = request.Query.GetValueOrDefault("head");
        var baseBranch = request.Query.GetValueOrDefault("base");
        var matching = Pulls.Where(p => (state == "all" || p.State == state)
            && (head is null || IgnoreHeadFilter || $"{Owner}:{p.Head}" == head) && (baseBranch is null || p.Base == baseBranch)).ToList();
        var size = int.TryParse(request.Query.GetValueOrDefault("per_page"), out var n) ? n : PageSize;
        var page = int.TryParse(request.Query.GetValueOrDefault("page"), out var p) ? p : 1;
        var items = new JsonArray([.. matching.Skip((page - 1) * size).Take(size).Select(PullJson)]);
        var headers = new Dictionary<string, string>();
        if (page * size < matching.Count)
        {
            var query = string.Join("&", request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
            headers["Link"] = $"<{ApiUrl}repos/{Owner}/{Repo}/pulls?{query}&page={page + 1}>; rel=\"next\"";
        }

        return FakeResponse.Json(200, items, headers);
    }

    private FakeResponse CreatePull(JsonNode body)
    {
        var head = (string)body["head"]!;
        var baseBranch = (string)body["base"]!;
        if (OpenPulls.Any(p => p.Head == head && p.Base == baseBranch))
        {
            return FakeResponse.Json(422, new JsonObject
            {
                ["message"] = "Validation Failed",
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "PullRequest", ["code"] = "custom", ["message"] = $"A pull request already exists for {Owner}:{head}." }),
            });
        }

        if (!Git.Branches.ContainsKey(head))
        {
            return FakeResponse.Json(422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["field"] = "head", ["code"] = "invalid" }) });
        }

        var pull = new FakePullRequest { Number = nextPull++, Head = head, Base = baseBranch, Title = (string)body["title"]!, Body = (string?)body["body"] ?? "" };
        Pulls.Add(pull);
        return FakeResponse.Json(201, PullJson(pull));
    }

    private FakeResponse UpdatePull(int number, JsonNode body)
    {
        var pull = Pulls.SingleOrDefault(p => p.Number == number);
        if (pull is null)
        {
            return FakeResponse.Message(404, "Not Found");
        }

        pull.Title = (string?)body["title"] ?? pull.Title;
        pull.Body = (string?)body["body"] ?? pull.Body;
        pull.State = (string?)body["state"] ?? pull.State;
        return FakeResponse.Json(200, PullJson(pull));
    }

    private FakeResponse AddLabels(int number, JsonNode body)
    {
        var pull = Pulls.SingleOrDefault(p => p.Number == number);
        if (pull is null)
        {
            return FakeResponse.Message(404, "Not Found");
        }

        var labels = body is JsonArray a ? a : body["labels"]!.AsArray();
        foreach (var label in labels.Select(l => (string)l!).Where(l => !pull.Labels.Contains(l)))
        {
            pull.Labels.Add(label);
        }

        return FakeResponse.Json(200, new JsonArray([.. pull.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]));
    }

    private string? Resolve(string reference) =>
        Git.Branches.TryGetValue(reference, out var sha) ? sha : Git.Commits.ContainsKey(reference) ? reference : null;

    private JsonObject RefJson(string branch, string sha) => new()
    {
        ["ref"] = $"refs/heads/{branch}",
        ["url"] = $"{ApiUrl}repos/{Owner}/{Repo}/git/refs/heads/{branch}",
        ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = sha, ["url"] = "" },
    };

    private static JsonObject CommitJson(FakeCommit c) => new()
    {
        ["sha"] = c.Sha,
        ["message"] = c.Message,
        ["tree"] = new JsonObject { ["sha"] = c.Tree, ["url"] = "" },
        ["parents"] = new JsonArray([.. c.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p, ["url"] = "" })]),
    };

    private JsonObject PullJson(FakePullRequest p) => new()
    {
        ["id"] = p.Number * 1000,
        ["number"] = p.Number,
        ["state"] = p.State,
        ["title"] = p.Title,
        ["body"] = p.Body,
        ["html_url"] = $"https://github.example/{Owner}/{Repo}/pull/{p.Number}",
        ["head"] = new JsonObject { ["ref"] = p.Head, ["label"] = $"{Owner}:{p.Head}", ["sha"] = Git.Branches.GetValueOrDefault(p.Head) ?? "" },
        ["base"] = new JsonObject { ["ref"] = p.Base, ["label"] = $"{Owner}:{p.Base}", ["sha"] = Git.Branches.GetValueOrDefault(p.Base) ?? "" },
        ["labels"] = new JsonArray([.. p.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]),
    };

    [GeneratedRegex(@"^pulls/(\d+)$")]
    private static partial Regex PullNumber();

    [GeneratedRegex(@"^issues/(\d+)/labels$")]
    private static partial Regex LabelsPath();

    public void Dispose() => server.Dispose();
}
