using System.Net;
using System.Text.Json.Nodes;

namespace Gates.Http;

/// <summary>
/// One JSON call to a REST API through the retrying client: a request with a body is marked idempotent (the APIs
/// that use this set a value, so repeating it is safe), a network failure becomes the caller's error, and the
/// answer comes back as status and text for the caller to judge.
/// </summary>
public static class JsonCall
{
    public static async Task<(HttpStatusCode Status, string Text)> SendAsync(
        HttpClient http, HttpMethod method, Uri uri, JsonNode? body, Func<HttpRequestException, Exception> unreachable, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            RetryHandler.MarkIdempotent(request);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw unreachable(e);
        }

        using (response)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
    }
}
