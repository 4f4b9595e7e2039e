namespace Gates.LatencyBench.Measure;

/// <summary>Why a request did not succeed. Each failed request has exactly one class.</summary>
internal enum ErrorClass
{
    None,

    /// <summary>The server answered with a non-2xx status.</summary>
    HttpStatus,

    /// <summary>No complete answer within the per-request timeout.</summary>
    Timeout,

    /// <summary>Could not connect, or the connection failed before the response headers.</summary>
    Connection,

    /// <summary>The connection closed or reset after the headers, or the stream ended before it was complete.</summary>
    StreamInterrupted,

    /// <summary>The body broke the protocol: invalid SSE or JSON, an error event, a missing required field.</summary>
    MalformedResponse,
}

internal static class ErrorClasses
{
    public static readonly ErrorClass[] All =
        [ErrorClass.HttpStatus, ErrorClass.Timeout, ErrorClass.Connection, ErrorClass.StreamInterrupted, ErrorClass.MalformedResponse];

    public static string Name(this ErrorClass error) => error switch
    {
        ErrorClass.HttpStatus => "http_status",
        ErrorClass.Timeout => "timeout",
        ErrorClass.Connection => "connection",
        ErrorClass.StreamInterrupted => "stream_interrupted",
        ErrorClass.MalformedResponse => "malformed_response",
        _ => "none",
    };
}
