using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Core.Text;

namespace Gates.GitLab.Notes;

/// <summary>
/// The notes of one merge request through the REST API (<c>doc/api/notes.md</c>), with a <c>PRIVATE-TOKEN</c>.
/// Listing follows every page (100 per page) by the <c>Link</c> header, or <c>X-Next-Page</c> when there is none.
/// The HTTP handler is given, so callers add retries and tests use local servers.
/// </summary>
public sealed class GitLabMergeRequestNotes : IDisposable
{
    private const int PageSize = 100;
    private const int MaxPages = 1_000;
    private readonly HttpClient http;
    private readonly GitLabThreadAddress address;

    public GitLabMergeRequestNotes(GitLabThreadAddress address, string token, HttpMessageHandler handler, bool disposeHandler = true)
    {
        this.address = address;
        http = new HttpClient(handler, disposeHandler) { BaseAddress = address.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("gates");
    }

    /// <summary>The user the token acts as (a project access token acts as its bot user): id and username.</summary>
    public async Task<(long Id, string Username)> CurrentUserAsync(CancellationToken ct)
    {
        var user = await SendAsync(HttpMethod.Get, "user", null, ct);
        return (user["id"]?.GetValue<long>() ?? 0, user["username"]?.GetValue<string>() ?? "");
    }

    public async Task<IReadOnlyList<GitLabNote>> ListAsync(CancellationToken ct)
    {
        var notes = new List<GitLabNote>();
        string? next = $"{address.NotesPath}?per_page={PageSize}&page=1&sort=asc&order_by=created_at";
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            using var response = await SendRawAsync(HttpMethod.Get, next, null, ct);
            var items = await ReadJsonAsync(response, ct) as JsonArray ?? [];
            notes.AddRange(items.OfType<JsonObject>().Where(n => n["system"]?.GetValue<bool>() != true).Select(ToNote));
            next = NextPage(response);
        }

        return notes;
    }

    public async Task<GitLabNote> CreateAsync(string body, CancellationToken ct) =>
        ToNote(await SendAsync(HttpMethod.Post, address.NotesPath, new JsonObject { ["body"] = body }, ct));

    public async Task<GitLabNote> UpdateAsync(long id, string body, CancellationToken ct) =>
        ToNote(await SendAsync(HttpMethod.Put, $"{address.NotesPath}/{id}", new JsonObject { ["body"] = body }, ct));

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, $"{address.NotesPath}/{id}", null, ct);
    }

    public void Dispose() => http.Dispose();

    private GitLabNote ToNote(JsonObject note) => new(
        note["id"]?.GetValue<long>() ?? 0,
        note["author"]?["id"]?.GetValue<long>() ?? 0,
        note["author"]?["username"]?.GetValue<string>() ?? "",
        note["body"]?.GetValue<string>() ?? "",
        null);

    private string? NextPage(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Link", out var links) && LinkHeader.Next(string.Join(",", links)) is { } link)
        {
            return link;
        }

        if (response.Headers.TryGetValues("X-Next-Page", out var pages) && pages.FirstOrDefault() is { Length: > 0 } nextPage
            && int.TryParse(nextPage, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return $"{address.NotesPath}?per_page={PageSize}&page={number}&sort=asc&order_by=created_at";
        }

        return null;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, body, ct);
        return await ReadJsonAsync(response, ct) as JsonObject
            ?? throw new GitLabApiException((int)response.StatusCode, "GitLab answered with something other than a JSON object");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new GitLabApiException(0, $"no response from GitLab: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new GitLabApiException(0, "GitLab did not answer in time", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new GitLabApiException((int)response.StatusCode, await ErrorMessageAsync(response, ct));
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new GitLabApiException((int)response.StatusCode, "GitLab answered with invalid JSON", e);
        }
    }

    /// <summary>GitLab's error text: <c>{"message": …}</c> or <c>{"error": …}</c>, else the status line.</summary>
    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var json = JsonNode.Parse(text);
            var message = json?["message"] ?? json?["error"];
            return message is null ? status : $"{status}: {Flatten(message)}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or HttpRequestException)
        {
            return status;
        }
    }

    private static string Flatten(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var s)
        ? s
        : node.ToJsonString();
}
