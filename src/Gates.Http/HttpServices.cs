namespace Gates.Http;

/// <summary>
/// Makes the HTTP clients of the integrations: a real socket handler under a <see cref="RetryHandler"/>, waiting on
/// the given clock. <see cref="Default"/> uses real sockets and real waits; tests swap the handler and the wait.
/// </summary>
public sealed record HttpServices
{
    public static HttpServices Default { get; } = new();

    /// <summary>Makes the innermost handler; the real one honours HTTPS_PROXY / NO_PROXY like HttpClient does.</summary>
    public Func<HttpMessageHandler> Handler { get; init; } = () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    /// <summary>How to wait between attempts; by default a real delay on the clock given to <see cref="RetryingHandler"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    public RetryHandler RetryingHandler(RetryPolicy policy, TimeProvider time) =>
        new(Handler(), policy, time, Delay ?? ((span, ct) => Task.Delay(span, time, ct)));

    /// <summary>An HttpClient with retries and no overall timeout (set <see cref="RetryPolicy.AttemptTimeout"/> instead).</summary>
    public HttpClient Client(RetryPolicy policy, TimeProvider time) =>
        new(RetryingHandler(policy, time), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
}
