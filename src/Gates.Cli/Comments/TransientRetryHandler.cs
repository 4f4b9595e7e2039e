namespace Gates.Cli.Comments;

/// <summary>
/// Retries transient API failures under a <see cref="RetryPolicy"/> (5xx, secondary rate limits with
/// <c>Retry-After</c>, no response). The wait goes through <paramref name="delay"/>, so tests never sleep.
/// Each retry is counted in <see cref="Retries"/>.
/// </summary>
public sealed class TransientRetryHandler(HttpMessageHandler inner, RetryPolicy policy, TimeProvider time,
    Func<TimeSpan, CancellationToken, Task> delay) : DelegatingHandler(inner)
{
    public int Retries { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered once, so every attempt sends the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var afterError = policy.DelayAfter(attempt, null, null, waited, time.GetUtcNow());
                if (afterError is null)
                {
                    throw;
                }

                await Wait(afterError.Value);
                waited += afterError.Value;
                continue;
            }

            var wait = response.IsSuccessStatusCode ? null : policy.DelayAfter(attempt, (int)response.StatusCode, response.Headers, waited, time.GetUtcNow());
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
}
