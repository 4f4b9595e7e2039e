namespace Gates.LatencyBench.Measure;

/// <summary>
/// Timestamps and counts of one request, in <see cref="TimeProvider"/> ticks. <see cref="Intended"/> is when the
/// request was scheduled (open loop) or when its worker became free (closed loop); every latency is measured from
/// it, so a client that falls behind its schedule cannot hide a slow server (coordinated omission).
/// </summary>
internal sealed class RequestOutcome
{
    private List<long>? chunkTimes;

    public long Index { get; init; }
    public bool Warmup { get; init; }
    public long Intended { get; init; }
    public long Sent { get; set; }
    public long Headers { get; set; }

    /// <summary>First chunk with a non-empty choices array (vLLM's TTFT stamp), 0 when none.</summary>
    public long FirstEvent { get; set; }

    /// <summary>First chunk that carries output (content, reasoning, text or tool calls), 0 when none.</summary>
    public long FirstToken { get; set; }

    public long LastToken { get; set; }
    public long End { get; set; }

    /// <summary>Arrival times of every output-bearing chunk, for inter-token latency (made on the first chunk).</summary>
    public List<long> ChunkTimes => chunkTimes ??= [];

    /// <summary>How many output-bearing chunks arrived, without making the list.</summary>
    public int ChunkCount => chunkTimes?.Count ?? 0;

    public int? CompletionTokens { get; set; }
    public int? PromptTokens { get; set; }
    public bool Streamed { get; set; }
    public int Status { get; set; }
    public ErrorClass Error { get; set; }
    public string? ErrorDetail { get; set; }

    /// <summary>Stopped by Ctrl-C or the end of the run: neither a success nor an error.</summary>
    public bool Cancelled { get; set; }

    public bool Succeeded => Error == ErrorClass.None && !Cancelled;

    /// <summary>Output tokens: the server's usage count, else one per output-bearing chunk; null when unknown.</summary>
    public int? OutputTokens => CompletionTokens ?? (Streamed && ChunkCount > 0 ? ChunkCount : null);

    public void Fail(ErrorClass error, string detail)
    {
        if (Error == ErrorClass.None)
        {
            Error = error;
            ErrorDetail = detail;
        }
    }
}
