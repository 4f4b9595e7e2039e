using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gates.Testing.Http;

namespace Gates.Testing.Fakes;

/// <summary>
/// Pull requests of the played repository as GitHub serves them: 422 "A pull request already exists", labels, and
/// Link-header pagination of lists.
/// </summary>
public sealed partial class FakeGitHub
{
    private int nextPull = 1;

    public List<FakePullRequest> Pulls { get; } = [];

    public int PageSize { get; set; } = 30;

    /// <summary>Answer pull-request lists without applying the head filter (as GitHub does for a malformed head).</summary>
    public bool IgnoreHeadFilter { get; set; }

    public IEnumerable<FakePullRequest> OpenPulls => Pulls.Where(p => p.State == "open");

    private FakeResponse? HandlePulls(FakeRequest request, string path) => (request.Method, path) switch
    {
        ("GET", "pulls") => ListPulls(request),
        ("POST", "pulls") => CreatePull(request.Json!),
        ("PATCH", _) when PullNumber().Match(path) is { Success: true } m => UpdatePull(int.Parse(m.Groups[1].Value), request.Json!),
        ("POST", _) when LabelsPath().Match(path) is { Success: true } m => AddLabels(int.Parse(m.Groups[1].Value), request.Json!),
        _ => null,
    };

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
        if (page * size < matching.Count)
        {
            var query = string.Join("&", request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
            return FakeResponse.Json(200, items, ("Link", $"<{ApiUrl}/repos/{Owner}/{Repo}/pulls?{query}&page={page + 1}>; rel=\"next\""));
        }

        return FakeResponse.Json(200, items);
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
}
