using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Gates.Fakes;

/// <summary>A request as a fake server sees it.</summary>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body, string? Authorization, string? Accept)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>A response from a fake server: status, JSON or raw body, extra headers.</summary>
public sealed record FakeResponse(int Status, byte[] Body, string ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Json(int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json; charset=utf-8", headers);

    public static FakeResponse Raw(byte[] body) => new(200, body, "application/octet-stream");

    public static FakeResponse Message(int status, string message) => Json(status, new JsonObject { ["message"] = message });
}

/// <summary>
/// A small HTTP server on 127.0.0.1 (a free port) for fakes of GitHub, GitLab and MLflow. Requests are handled one
/// at a time under a lock, and every request is logged for assertions.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<FakeRequest, FakeResponse> handle;
    private readonly object gate = new();
    private readonly List<FakeRequest> log = [];
    private readonly Task loop;

    public LocalHttpServer(Func<FakeRequest, FakeResponse> handle, string pathPrefix = "/")
    {
        this.handle = handle;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}{pathPrefix}");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. log];
            }
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var query = request.QueryString.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => request.QueryString[k] ?? "", StringComparer.Ordinal);
        var path = request.Url!.AbsolutePath;
        var fake = new FakeRequest(request.HttpMethod, Uri.UnescapeDataString(path), query, reader.ReadToEnd(), request.Headers["Authorization"], request.Headers["Accept"])
        {
            Headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase),
        };
        FakeResponse response;
        lock (gate)
        {
            log.Add(fake);
            try
            {
                response = handle(fake);
            }
            catch (Exception e)
            {
                response = FakeResponse.Message(500, "fake server error: " + e.Message);
            }
        }

        try
        {
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (key, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[key] = value;
            }

            context.Response.OutputStream.Write(response.Body);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
