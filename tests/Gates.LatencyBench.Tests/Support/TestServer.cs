using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>An in-process Kestrel server on 127.0.0.1 with a random port; every request goes to one handler.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private TestServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref requests);

    /// <summary>Starts the server; with <paramref name="certificate"/>, it serves https with that certificate.</summary>
    public static async Task<TestServer> StartAsync(Func<HttpContext, int, Task> handler, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is null)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        }

        var app = builder.Build();
        var server = new TestServer(app);
        app.Run(ctx => handler(ctx, Interlocked.Increment(ref server.requests)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
