using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gates.Testing.Prometheus;

/// <summary>
/// A real Prometheus server (the Debian package's /usr/bin/prometheus) on 127.0.0.1 and a free port, its storage
/// backfilled from OpenMetrics text with promtool, in a temporary folder. Stopped and deleted on dispose.
/// A missing binary fails the test with what to install; it is never skipped.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly TempFolder folder;
    private Process? process;

    private PrometheusServer(TempFolder folder, Uri url, Process process)
    {
        this.folder = folder;
        Url = url;
        this.process = process;
    }

    public Uri Url { get; }

    public bool Running => process is { HasExited: false };

    public static Task<PrometheusServer> StartAsync(string openMetrics) => StartAsync(openMetrics, scrapeConfigs: null);

    /// <summary>
    /// A server that also scrapes: <paramref name="scrapeConfigs"/> is the YAML list under <c>scrape_configs:</c>
    /// (e.g. a Pushgateway target with <c>honor_labels: true</c>); scrapes run every second. An empty
    /// <paramref name="openMetrics"/> backfills nothing.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(string openMetrics, string? scrapeConfigs)
    {
        var prometheus = Binary("prometheus");
        var promtool = Binary("promtool");
        var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        Directory.CreateDirectory(data);
        if (openMetrics.Length > 0)
        {
            var input = folder.Write("series.om", openMetrics);
            await RunAsync(promtool, ["tsdb", "create-blocks-from", "openmetrics", input, data]);
        }
        var config = folder.Write("prometheus.yml", scrapeConfigs is null
            ? "global:\n  scrape_interval: 15s\nscrape_configs: []\n"
            : "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n" + scrapeConfigs);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var process = Process.Start(new ProcessStartInfo(prometheus)
            {
                ArgumentList =
                {
                    $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}",
                    "--storage.tsdb.retention.time=100y", "--log.level=warn",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var log = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            var url = new Uri($"http://127.0.0.1:{port}/");
            if (await WaitReadyAsync(url, process))
            {
                return new PrometheusServer(folder, url, process);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (attempt == 3)
            {
                folder.Dispose();
                throw new InvalidOperationException($"prometheus did not become ready on 127.0.0.1:{port}: {await log}");
            }
        }
    }

    /// <summary>Stops the server (a test of what happens when Prometheus goes away midway).</summary>
    public void Stop()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        process?.Dispose();
        process = null;
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Binary(string name)
    {
        var fromEnv = Environment.GetEnvironmentVariable($"GATES_{name.ToUpperInvariant()}_BIN");
        var candidates = new[] { fromEnv, $"/usr/bin/{name}" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)));
        return candidates.FirstOrDefault(c => c is not null && File.Exists(c))
            ?? throw new InvalidOperationException(
                $"'{name}' is not installed: these tests need a real Prometheus. Install the Debian package 'prometheus' " +
                "(apt-get install prometheus; .ci/install-deps installs tests/apt-packages*.txt), or set " +
                $"GATES_{name.ToUpperInvariant()}_BIN to the binary.");
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    /// <summary>Polls <c>-/ready</c> (Prometheus and the Pushgateway both answer it) for up to a minute.</summary>
    internal static async Task<bool> WaitReadyAsync(Uri url, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "-/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
