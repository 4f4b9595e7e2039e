using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gates.Cli.Comments;

/// <summary>
/// What the GitHub Actions event payload (<c>GITHUB_EVENT_PATH</c>) says about the pull request: its number
/// (<c>pull_request.number</c>; <c>issue.number</c> for a comment on a pull request; the first of
/// <c>workflow_run.pull_requests</c>) and whether it comes from a fork (head repository ≠ base repository).
/// </summary>
public sealed record GitHubEvent(long? PullRequestNumber, bool FromFork)
{
    public static GitHubEvent None { get; } = new(null, false);

    public static GitHubEvent Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return None;
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return None;
        }
    }

    public static GitHubEvent Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return None;
        }

        if (root is not JsonObject payload)
        {
            return None;
        }

        if (payload["pull_request"] is JsonObject pr)
        {
            var head = Text(pr["head"]?["repo"]?["full_name"]);
            var baseRepo = Text(pr["base"]?["repo"]?["full_name"]);
            var fork = head is null || (baseRepo is not null && !string.Equals(head, baseRepo, StringComparison.OrdinalIgnoreCase));
            return new GitHubEvent(Number(pr["number"]), fork && baseRepo is not null);
        }

        if (payload["issue"] is JsonObject issue && issue["pull_request"] is not null)
        {
            return new GitHubEvent(Number(issue["number"]), false);
        }

        if (payload["workflow_run"]?["pull_requests"] is JsonArray { Count: > 0 } runPrs)
        {
            return new GitHubEvent(Number(runPrs[0]?["number"]), false);
        }

        return None;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static long? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) && n > 0 ? n : null;
}
