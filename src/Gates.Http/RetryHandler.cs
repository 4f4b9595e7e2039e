namespace Gates.Http;

/// <summary>
/// Retries transient API failures under a <see cref="RetryPolicy"/> (no response, 5xx, 429, rate limits with
/// <c>Retry-After</c>). GET, HEAD, PUT and DELETE are retried on any of these; POST and PATCH only when the server
/// surely did not act (<see cref="RetryPolicy.NeverSent"/>, <see cref="RetryPolicy.ServerDidNotAct"/>), unless the
/// caller marks the request <see cref="MarkIdempotent">idempotent</see> (a query sent as a form POST).
/// The wait goes through the given delay, so tests never sleep. Each retry is counted in <see cref="Retries"/>.
/// </summary>
public sealed class RetryHandler(HttpMessageHandler inner, RetryPolicy policy, TimeProvider time,
    Func<TimeSpan, CancellationToken, Task> delay) : DelegatingHandler(inner)
{
    /// <summary>Set on a POST or PATCH that may be repeated safely.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("Gates.Http.Idempotent");

    public int Retries { get; private set; }

    public RetryPolicy Policy => policy;

    public static HttpRequestMessage MarkIdempotent(HttpRequestMessage request)
    {
        request.Options.Set(Idempotent, true);
        return request;
    }

    public static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
        || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options
        || (request.Options.TryGetValue(Idempotent, out var marked) && marked);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered once, so every attempt sends the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var safe = IsIdempotent(request);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var afterError = safe || RetryPolicy.NeverSent(e) ? policy.DelayAfter(attempt, null, null, waited, time.GetUtcNow()) : null;
                if (afterError is null)
                {
                    throw;
                }

                await Wait(afterError.Value);
                waited += afterError.Value;
                continue;
            }

            var status = (int)response.StatusCode;
            var retry = !response.IsSuccessStatusCode && (safe || RetryPolicy.ServerDidNotAct(status, response.Headers));
            var wait = retry ? policy.DelayAfter(attempt, status, response.Headers, waited, time.GetUtcNow()) : null;
            if (wait is null)
            {
                return response;
            }

            response.Dispose();
            await Wait(wait.Value);
            waited += wait.Value;
        }

        async Task Wait(TimeSpan span)
        {
            Retries++;
            await delay(span, cancellationToken);
        }
    }

    /// <summary>One attempt; an attempt that outlasts <see cref="RetryPolicy.AttemptTimeout"/> is a network error.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (policy.AttemptTimeout is not { } limit)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException(HttpRequestError.Unknown, "no answer: the request timed out", e);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var response = await base.SendAsync(request, timeout.Token);
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException(HttpRequestError.Unknown,
                $"no answer within {limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s", new TimeoutException(e.Message, e));
        }
    }
}
