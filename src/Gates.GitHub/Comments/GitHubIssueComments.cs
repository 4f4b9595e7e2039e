using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Core.Text;

namespace Gates.GitHub.Comments;

/// <summary>
/// The comments of one pull request through GitHub's REST API (pull-request conversations are issue comments),
/// over plain HTTP and <see cref="JsonNode"/>: no reflection, so eval-gate's Native AOT build posts its comment the
/// same way (Octokit's serializer is reflection-based). Listing follows every page (100 per page, by the
/// <c>Link</c> headers), so a comment is found however long the conversation is. The HTTP handler is given, so
/// callers add retries and tests use local servers.
/// </summary>
public sealed class GitHubIssueComments
{
    private const int PageSize = 100;
    private const int MaxPages = 1_000;
    private readonly HttpClient http;
    private readonly GitHubThreadAddress address;

    public GitHubIssueComments(GitHubThreadAddress address, string token, Func<HttpMessageHandler> handler, string userAgentVersion = "1.0")
    {
        this.address = address;
        http = new HttpClient(handler()) { BaseAddress = address.ApiUrl, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("gates", userAgentVersion));
        http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
    }

    private string Repository => $"repos/{Uri.EscapeDataString(address.Owner)}/{Uri.EscapeDataString(address.Repository)}";

    /// <summary>
    /// The login the token acts as, or null when the token cannot say: GitHub Actions' GITHUB_TOKEN and other
    /// app installation tokens get 403 from <c>GET /user</c>; their comments are written by a bot account.
    /// </summary>
    public async Task<string?> CurrentLoginAsync()
    {
        try
        {
            return (await SendAsync(HttpMethod.Get, "user", null))["login"]?.GetValue<string>();
        }
        catch (GitHubApiException e) when (e.StatusCode is 403 or 404 && !e.IsRateLimit)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<GitHubComment>> ListAsync()
    {
        var comments = new List<GitHubComment>();
        string? next = $"{Repository}/issues/{address.Number}/comments?per_page={PageSize}";
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            using var response = await SendRawAsync(HttpMethod.Get, next, null);
            var items = await ReadJsonAsync(response) as JsonArray
                ?? throw new GitHubApiException((int)response.StatusCode, "GitHub answered the comment list with something other than a JSON array");
            comments.AddRange(items.OfType<JsonObject>().Select(ToComment));
            next = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(string.Join(",", links)) : null;
        }

        return comments;
    }

    public async Task<GitHubComment> CreateAsync(string body) =>
        ToComment(await SendAsync(HttpMethod.Post, $"{Repository}/issues/{address.Number}/comments", new JsonObject { ["body"] = body }));

    public async Task<GitHubComment> UpdateAsync(long id, string body) =>
        ToComment(await SendAsync(HttpMethod.Patch, $"{Repository}/issues/comments/{id}", new JsonObject { ["body"] = body }));

    public async Task DeleteAsync(long id)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, $"{Repository}/issues/comments/{id}", null);
    }

    private static GitHubComment ToComment(JsonObject comment) => new(
        comment["id"]?.GetValue<long>() ?? 0,
        comment["user"]?["login"]?.GetValue<string>() ?? "",
        comment["user"]?["type"]?.GetValue<string>() == "Bot",
        comment["body"]?.GetValue<string>() ?? "",
        comment["html_url"]?.GetValue<string>());

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var response = await SendRawAsync(method, path, body);
        return await ReadJsonAsync(response) as JsonObject
            ?? throw new GitHubApiException((int)response.StatusCode, "GitHub answered with something other than a JSON object");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApiException(0, $"no response from GitHub: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new GitHubApiException(0, "GitHub did not answer in time", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        try
        {
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync());
        }
        catch (JsonException e)
        {
            throw new GitHubApiException((int)response.StatusCode, "GitHub answered with invalid JSON", e);
        }
    }

    /// <summary>
    /// GitHub's error: <c>{"message": …, "errors": [{"message": …}]}</c> as "message (error; error)", else the status
    /// line. A 403 or 429 with no requests left, or a message naming a rate limit, is a rate limit.
    /// </summary>
    private static async Task<GitHubApiException> ErrorAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var message = $"{status} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        try
        {
            if (JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonObject error
                && error["message"] is JsonValue text && text.TryGetValue<string>(out var said) && said.Length > 0)
            {
                var details = (error["errors"] as JsonArray ?? [])
                    .Select(e => e is JsonObject o && o["message"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : null)
                    .Where(s => !string.IsNullOrEmpty(s))
                    .ToList();
                message = details.Count > 0 ? $"{said} ({string.Join("; ", details)})" : said;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or HttpRequestException)
        {
        }

        var noneLeft = response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0";
        var rateLimit = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
            && (noneLeft || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase));
        return new GitHubApiException(status, message) { IsRateLimit = rateLimit };
    }
}
