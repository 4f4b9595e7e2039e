namespace Gates.LatencyBench.Http;

/// <summary>Sends request number <c>index</c> and returns once the response head has arrived.</summary>
internal interface ITransport : IDisposable
{
    string Name { get; }

    ValueTask<TransportResponse> SendAsync(long index, CancellationToken ct);
}

/// <summary>A response head and its body stream. Disposing it releases the connection (reused only if the body was read to its end).</summary>
internal sealed class TransportResponse(int status, string reason, string? mediaType, Stream body, IDisposable owner) : IDisposable
{
    public int Status => status;
    public string Reason => reason;
    public string? MediaType => mediaType;
    public Stream Body => body;
    public bool IsSuccess => status is >= 200 and < 300;

    public void Dispose()
    {
        body.Dispose();
        owner.Dispose();
    }
}
