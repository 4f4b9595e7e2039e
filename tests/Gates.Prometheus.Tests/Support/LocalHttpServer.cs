using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gates.Testing.Http;

/// <summary>A request as the local server saw it.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the local server answers.</summary>
public sealed record CannedResponse(int Status, string Body, string ContentType = "application/json");

/// <summary>
/// A tiny HTTP server on 127.0.0.1 and a free port that answers every request through a handler and records it;
/// stands in for an API the tests cannot run (Kubernetes) or a behaviour a real server will not show on demand.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<SeenRequest, CannedResponse> handler;
    private readonly List<SeenRequest> seen = [];
    private readonly Task loop;

    public LocalHttpServer(Func<SeenRequest, CannedResponse> handler)
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
                Url = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 3)
            {
            }
        }

        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new SeenRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            lock (seen)
            {
                seen.Add(request);
            }

            CannedResponse response;
            try
            {
                response = handler(request);
            }
            catch (Exception e)
            {
                response = new CannedResponse(500, e.Message, "text/plain");
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
}
