using System.Net;
using System.Text.Json.Nodes;
using Gates.Core;

namespace Gates.GitLab;

/// <summary>A file read through the repository files API, with the last commit that changed it (for compare-and-set).</summary>
public sealed record GitLabFile(byte[] Content, string LastCommitId);

/// <summary>One action of a commit made through the commits API.</summary>
public sealed record GitLabAction(string Path, byte[] Content, string? LastCommitId);

public sealed record MergeRequestInfo(int Iid, string Url, string Title, string Description);

/// <summary>
/// One GitLab project as manifest-bump uses it, over the REST API v4 with plain HttpClient: branch heads, merge
/// bases, files, commits with actions (per-file compare-and-set through last_commit_id), merge requests.
/// The token goes in the PRIVATE-TOKEN header and is never part of a message.
/// </summary>
public sealed class GitLabProject
{
    private readonly HttpClient http;
    private readonly string root;

    public GitLabProject(HttpClient http, Uri apiUrl, string project, string token)
    {
        this.http = http;
        Project = project;
        var api = apiUrl.AbsoluteUri.TrimEnd('/');
        root = $"{api}/projects/{Uri.EscapeDataString(project)}/";
        http.DefaultRequestHeaders.Remove("PRIVATE-TOKEN");
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
    }

    public string Project { get; }

    public async Task<string?> GetBranchHeadAsync(string branch, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"repository/branches/{Uri.EscapeDataString(branch)}", null, ct);
        return status == HttpStatusCode.NotFound ? null : (string?)Ok(status, body, $"read branch {branch}")!["commit"]?["id"];
    }

    public async Task<bool> ContainsAsync(string head, string ancestor, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"repository/merge_base?refs[]={head}&refs[]={ancestor}", null, ct);
        return (string?)Ok(status, body, "merge base")!["id"] == ancestor;
    }

    public async Task<GitLabFile?> GetFileAsync(string reference, string path, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"repository/files/{Uri.EscapeDataString(path)}?ref={Uri.EscapeDataString(reference)}", null, ct);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        var file = Ok(status, body, $"read {path}")!;
        return new GitLabFile(Convert.FromBase64String((string)file["content"]!), (string)file["last_commit_id"]!);
    }

    /// <summary>
    /// Commits update actions to <paramref name="branch"/>. With <paramref name="startSha"/> the branch is created
    /// from that commit (or, with <paramref name="force"/>, rebuilt on it). False when GitLab refuses because the
    /// branch already exists or a file changed since it was read: read again and re-apply.
    /// </summary>
    public async Task<bool> CommitAsync(string branch, string? startSha, bool force, IReadOnlyList<GitLabAction> actions, string message, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["branch"] = branch,
            ["commit_message"] = message,
            ["actions"] = new JsonArray([.. actions.Select(a => (JsonNode)new JsonObject
            {
                ["action"] = "update",
                ["file_path"] = a.Path,
                ["content"] = Convert.ToBase64String(a.Content),
                ["encoding"] = "base64",
                ["last_commit_id"] = a.LastCommitId,
            })]),
        };
        if (startSha is not null)
        {
            body["start_sha"] = startSha;
        }

        if (force)
        {
            body["force"] = true;
        }

        var (status, text) = await SendAsync(HttpMethod.Post, "repository/commits", body, ct);
        if (status == HttpStatusCode.BadRequest && (text.Contains("already exists", StringComparison.OrdinalIgnoreCase)
            || text.Contains("has changed since you started editing", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        Ok(status, text, $"commit to {branch}");
        return true;
    }

    public async Task<MergeRequestInfo?> FindOpenMergeRequestAsync(string source, string target, CancellationToken ct)
    {
        for (var page = "1"; page.Length > 0;)
        {
            var query = $"merge_requests?state=opened&source_branch={Uri.EscapeDataString(source)}&target_branch={Uri.EscapeDataString(target)}&per_page=100&page={page}";
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, root + query), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var items = Ok(response.StatusCode, text, "list merge requests")!.AsArray();
            if (items.FirstOrDefault(m => (string?)m!["source_branch"] == source) is { } found)
            {
                return Info(found);
            }

            page = response.Headers.TryGetValues("X-Next-Page", out var next) ? next.FirstOrDefault() ?? "" : "";
        }

        return null;
    }

    /// <summary>Opens a merge request; on GitLab's 409 "Another open merge request already exists" updates that one.</summary>
    public async Task<MergeRequestInfo> OpenMergeRequestAsync(string source, string target, string title, string description, IReadOnlyList<string> labels, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["source_branch"] = source,
            ["target_branch"] = target,
            ["title"] = title,
            ["description"] = description,
            ["labels"] = string.Join(",", labels),
            ["remove_source_branch"] = true,
        };
        var (status, text) = await SendAsync(HttpMethod.Post, "merge_requests", body, ct);
        if (status == HttpStatusCode.Conflict && text.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            var existing = await FindOpenMergeRequestAsync(source, target, ct)
                ?? throw new GateRuntimeException($"GitLab said a merge request for {source} exists but none is open");
            return await UpdateMergeRequestAsync(existing.Iid, title, description, labels, ct);
        }

        return Info(Ok(status, text, "open merge request")!);
    }

    public async Task<MergeRequestInfo> UpdateMergeRequestAsync(int iid, string title, string description, IReadOnlyList<string> labels, CancellationToken ct)
    {
        var body = new JsonObject { ["title"] = title, ["description"] = description, ["add_labels"] = string.Join(",", labels) };
        var (status, text) = await SendAsync(HttpMethod.Put, $"merge_requests/{iid}", body, ct);
        return Info(Ok(status, text, "update merge request")!);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string relative, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, root + relative);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new GateRuntimeException($"GitLab {Project}: {method} {relative.Split('?')[0]}: {e.Message}", e);
        }
    }

    private JsonNode? Ok(HttpStatusCode status, string body, string what)
    {
        if ((int)status is >= 200 and < 300)
        {
            return JsonNode.Parse(body);
        }

        var message = body.Length > 300 ? body[..300] : body;
        throw (int)status switch
        {
            401 or 403 => new GateInputException($"GitLab {Project}: {what}: the token was refused ({(int)status}); set GITLAB_TOKEN with api scope"),
            404 => new GateInputException($"GitLab {Project}: {what}: not found ({message})"),
            >= 500 => new GateRuntimeException($"GitLab {Project}: {what}: {(int)status} {message}"),
            _ => new GateRuntimeException($"GitLab {Project}: {what}: {(int)status} {message}"),
        };
    }

    private static MergeRequestInfo Info(JsonNode mr) =>
        new((int)mr["iid"]!, (string?)mr["web_url"] ?? "", (string?)mr["title"] ?? "", (string?)mr["description"] ?? "");
}
