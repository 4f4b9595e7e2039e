using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Gates.Testing.FakeApis;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port, answering one request at a time with the given handler. Every
/// request is logged (method, path and query, headers, body), and canned failures can be queued in front of the
/// handler, so tests can play an API that fails, rate-limits or pages exactly as they need.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<LoggedRequest, FakeResponse> handler;
    private readonly Queue<(Func<LoggedRequest, bool> When, FakeResponse Response)> faults = new();
    private readonly List<LoggedRequest> requests = [];
    private readonly Task loop;
    private readonly object gate = new();

    public LocalHttpServer(Func<LoggedRequest, FakeResponse> handler)
    {
        this.handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        loop = Task.Run(ServeAsync);
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<LoggedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Answers the next request that matches <paramref name="when"/> (any, by default) with <paramref name="response"/>.</summary>
    public void FailNext(FakeResponse response, Func<LoggedRequest, bool>? when = null)
    {
        lock (gate)
        {
            faults.Enqueue((when ?? (_ => true), response));
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
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

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; the next request is unaffected.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var request = new LoggedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
        FakeResponse response;
        lock (gate)
        {
            requests.Add(request);
            response = TakeFault(request) ?? handler(request);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is { } json)
        {
            var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
    }

    private FakeResponse? TakeFault(LoggedRequest request)
    {
        if (faults.Count == 0 || !faults.Peek().When(request))
        {
            return null;
        }

        return faults.Dequeue().Response;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>One request as the server saw it.</summary>
public sealed record LoggedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string? Query(string name) => PathAndQuery.Contains('?')
        ? PathAndQuery.Split('?')[1].Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")).FirstOrDefault()
        : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body) as JsonObject;
}

/// <summary>A status, headers and an optional JSON body.</summary>
public sealed record FakeResponse(int Status, JsonNode? Body = null, IReadOnlyList<(string Name, string Value)>? ExtraHeaders = null)
{
    public IReadOnlyList<(string Name, string Value)> Headers => ExtraHeaders ?? [];

    public static FakeResponse Message(int status, string message, params (string Name, string Value)[] headers) =>
        new(status, new JsonObject { ["message"] = message }, headers);
}
