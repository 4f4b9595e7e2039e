using System.Diagnostics;
using System.Net;

namespace Gates.Testing.Prometheus;

/// <summary>
/// A real Prometheus Pushgateway (the Debian package prometheus-pushgateway's binary) on 127.0.0.1 and a free port,
/// without persistence. Stopped on dispose. A missing binary fails the test with what to install; never skipped.
/// </summary>
public sealed class PushgatewayServer : IAsyncDisposable
{
    private Process? process;

    private PushgatewayServer(Uri url, Process process)
    {
        Url = url;
        this.process = process;
    }

    public Uri Url { get; }

    /// <summary>host:port, for a scrape target.</summary>
    public string HostPort => $"{Url.Host}:{Url.Port}";

    public static async Task<PushgatewayServer> StartAsync()
    {
        var binary = new[] { Environment.GetEnvironmentVariable("GATES_PUSHGATEWAY_BIN"), "/usr/bin/prometheus-pushgateway" }
            .FirstOrDefault(c => c is not null && File.Exists(c))
            ?? throw new InvalidOperationException(
                "'prometheus-pushgateway' is not installed: these tests push metrics to a real Pushgateway. Install the Debian " +
                "package 'prometheus-pushgateway' (tests/Gates.Cli.Tests/apt-packages.txt lists it for .ci/install-deps), or set GATES_PUSHGATEWAY_BIN.");
        for (var attempt = 1; ; attempt++)
        {
            var port = PrometheusServer.FreePort();
            var p = Process.Start(new ProcessStartInfo(binary)
            {
                ArgumentList = { $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var log = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            var url = new Uri($"http://127.0.0.1:{port}/");
            if (await PrometheusServer.WaitReadyAsync(url, p))
            {
                return new PushgatewayServer(url, p);
            }

            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"prometheus-pushgateway did not become ready on 127.0.0.1:{port}: {await log}");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        process?.Dispose();
        process = null;
        return ValueTask.CompletedTask;
    }
}
