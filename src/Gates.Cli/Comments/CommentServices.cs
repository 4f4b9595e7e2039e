using Gates.Http;

namespace Gates.Cli.Comments;

/// <summary>
/// The outside world of comment posting: the HTTP handler under the retries, the retry policy and how to wait.
/// <see cref="Default"/> uses real sockets and real waits; tests swap the handler and the wait.
/// </summary>
public sealed record CommentServices
{
    public static CommentServices Default { get; } = new();

    /// <summary>Makes the innermost handler; the real one honours HTTPS_PROXY / NO_PROXY like HttpClient does.</summary>
    public Func<HttpMessageHandler> Handler { get; init; } = () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>How to wait between attempts; by default a real delay on the environment's clock.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    internal RetryHandler RetryingHandler(TimeProvider time) =>
        new(Handler(), Retry, time, Delay ?? ((span, ct) => Task.Delay(span, time, ct)));
}
