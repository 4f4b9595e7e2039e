namespace Gates.Prometheus;

/// <summary>How to reach a Prometheus server: address, credentials, per-request timeout and retry budget.</summary>
public sealed record PrometheusOptions
{
    public required Uri BaseUrl { get; init; }
    public string? BearerToken { get; init; }
    public string? BasicUser { get; init; }
    public string? BasicPassword { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Extra attempts after the first failure of a query (network errors, timeouts, 5xx, 429); the waits stay within Gates.Http's bounds.</summary>
    public int Retries { get; init; } = 3;
    /// <summary>Wait before the first retry; doubled for each further retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
