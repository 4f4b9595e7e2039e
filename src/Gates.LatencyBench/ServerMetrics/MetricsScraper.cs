namespace Gates.LatencyBench.ServerMetrics;

/// <summary>
/// Scrapes the server's Prometheus endpoint once at the start, every <c>interval</c> while the run lasts and once
/// at the end. A failed scrape is counted, never fatal: the server's view is evidence beside the client's.
/// </summary>
internal sealed class MetricsScraper(Uri url, TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<Scrape> scrapes = [];
    private readonly long start = time.GetTimestamp();
    private CancellationTokenSource? stop;
    private Task loop = Task.CompletedTask;

    public int Failures { get; private set; }

    public string? LastError { get; private set; }

    public Uri Url => url;

    public async Task StartAsync(CancellationToken ct)
    {
        await ScrapeOnceAsync(ct).ConfigureAwait(false);
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        loop = LoopAsync(stop.Token);
    }

    /// <summary>Stops the periodic scrapes, takes the last one and returns them all in order.</summary>
    public async Task<IReadOnlyList<Scrape>> StopAsync(CancellationToken ct)
    {
        if (stop is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await loop.ConfigureAwait(false);
        if (!ct.IsCancellationRequested)
        {
            await ScrapeOnceAsync(CancellationToken.None).ConfigureAwait(false);
        }

        lock (scrapes)
        {
            return [.. scrapes];
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval, time, ct).ConfigureAwait(false);
                await ScrapeOnceAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }

    private async Task ScrapeOnceAsync(CancellationToken ct)
    {
        try
        {
            var text = await http.GetStringAsync(url, ct).ConfigureAwait(false);
            var (samples, _) = ExpositionParser.Parse(text);
            var at = time.GetElapsedTime(start).TotalMilliseconds;
            lock (scrapes)
            {
                scrapes.Add(new Scrape(at, samples));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Failures++;
            LastError = e.Message;
        }
    }

    public void Dispose()
    {
        stop?.Dispose();
        http.Dispose();
    }
}
