using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gates.Testing.Http;

/// <summary>
/// Real HTTP on 127.0.0.1 and a free port, for fakes of the APIs the tools call. Every request is logged and
/// answered by the handler, one at a time under a lock (a handler that throws answers 500); canned failures can be
/// queued in front of the handler. Stops by itself on dispose.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<FakeRequest, FakeResponse> handler;
    private readonly Queue<(Func<FakeRequest, bool> When, FakeResponse Response)> faults = new();
    private readonly List<FakeRequest> requests = [];
    private readonly object gate = new();
    private readonly Task loop;

    public LocalHttpServer(Func<FakeRequest, FakeResponse> handler)
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
    public string BaseUrl { get; } = "";

    /// <summary>http://127.0.0.1:PORT/, as an <see cref="Uri"/> with the trailing slash.</summary>
    public Uri BaseAddress => new(BaseUrl + "/");

    public IReadOnlyList<FakeRequest> Requests
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
    public void FailNext(FakeResponse response, Func<FakeRequest, bool>? when = null)
    {
        lock (gate)
        {
            faults.Enqueue((when ?? (_ => true), response));
        }
    }

    public void Dispose()
    {
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed listener can fail to unregister when another process has since bound the same port.
        }

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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new FakeRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body);
            var response = Respond(request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = response.Body.Length;
            await context.Response.OutputStream.WriteAsync(response.Body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; the next request is unaffected.
        }
    }

    private FakeResponse Respond(FakeRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            if (faults.Count > 0 && faults.Peek().When(request))
            {
                return faults.Dequeue().Response;
            }

            try
            {
                return handler(request);
            }
            catch (Exception e)
            {
                return FakeResponse.Message(500, "fake server error: " + e.Message);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
