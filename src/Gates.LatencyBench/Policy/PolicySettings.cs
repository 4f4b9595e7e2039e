namespace Gates.LatencyBench.Policy;

/// <summary>latency-bench policy-smoke's bound command line. <see cref="Key"/> is a secret, never printed or written.</summary>
internal sealed record PolicySettings
{
    public required Uri Url { get; init; }
    public required string Body { get; init; }
    public string ContentType { get; init; } = "application/json";
    public required string KeyVariable { get; init; }
    public required string Key { get; init; }
    public string AuthHeader { get; init; } = "Authorization";
    public string AuthScheme { get; init; } = "Bearer";

    /// <summary>Requests of the burst, all sent at once.</summary>
    public int Burst { get; init; } = 30;

    public IReadOnlySet<int> ExpectOk { get; init; } = new HashSet<int> { 200 };
    public IReadOnlySet<int> ExpectUnauthenticated { get; init; } = new HashSet<int> { 401 };
    public IReadOnlySet<int> ExpectLimited { get; init; } = new HashSet<int> { 429 };
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
