using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Http;

/// <summary>
/// Reads an OpenAI-style event stream and stamps the chunk timeline. Every event is stamped with the socket receive
/// that delivered its last bytes (<see cref="IReceiveClock"/>; for other bodies, the time the read returned), so
/// events that arrived together share one stamp, however long parsing the ones before them took. The stream must
/// end with <c>[DONE]</c> or a finish reason.
/// </summary>
internal sealed class SseResponseReader(TimeProvider time)
{
    public async Task ReadAsync(Stream body, byte[] buffer, RequestOutcome outcome, CancellationToken ct)
    {
        var parser = new SseParser();
        var events = new List<SseEvent>();
        var done = false;
        var finished = false;
        int read;
        while (!done && (read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            var now = body is IReceiveClock clock && clock.LastReceived != 0 ? clock.LastReceived : time.GetTimestamp();
            parser.Feed(buffer.AsSpan(0, read), events);
            foreach (var e in events)
            {
                if (e.IsDone)
                {
                    done = true;
                    break;
                }

                if (e.Type == "error")
                {
                    throw new MalformedStreamException($"error event: {Truncate(e.ToString())}");
                }

                var chunk = ChunkInspector.Inspect(e.Data);
                if (chunk.Error is { } error)
                {
                    throw new MalformedStreamException($"error in stream: {Truncate(error)}");
                }

                if (chunk.HasChoices && outcome.FirstEvent == 0)
                {
                    outcome.FirstEvent = now;
                }

                if (chunk.HasOutput)
                {
                    if (outcome.FirstToken == 0)
                    {
                        outcome.FirstToken = now;
                    }

                    outcome.LastToken = now;
                    outcome.ChunkTimes.Add(now);
                }

                finished |= chunk.Finished;
                outcome.CompletionTokens = chunk.CompletionTokens ?? outcome.CompletionTokens;
                outcome.PromptTokens = chunk.PromptTokens ?? outcome.PromptTokens;
            }

            events.Clear();
        }

        if (!done && (!finished || parser.HasPartialEvent))
        {
            outcome.Fail(ErrorClass.StreamInterrupted, "the stream ended before [DONE]");
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
