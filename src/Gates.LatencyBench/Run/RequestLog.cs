using System.Text;
using System.Text.Json;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Run;

/// <summary>
/// One JSON line per finished request, streamed to disk as requests complete (nothing is kept in memory). Times are
/// milliseconds since the start of the run.
/// </summary>
internal sealed class RequestLog : IDisposable
{
    private readonly object gate = new();
    private readonly StreamWriter writer;
    private readonly Utf8JsonWriter json;
    private readonly MemoryStream line = new();
    private readonly long start;
    private readonly double ticksPerMs;

    public RequestLog(string path, long start, long frequency)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        json = new Utf8JsonWriter(line);
        this.start = start;
        ticksPerMs = frequency / 1000.0;
    }

    public void Write(RequestOutcome r)
    {
        lock (gate)
        {
            line.SetLength(0);
            json.Reset(line);
            json.WriteStartObject();
            json.WriteNumber("index", r.Index);
            json.WriteBoolean("warmup", r.Warmup);
            Time("intended_ms", r.Intended);
            Time("sent_ms", r.Sent);
            Time("headers_ms", r.Headers);
            Time("first_event_ms", r.FirstEvent);
            Time("first_token_ms", r.FirstToken);
            Time("last_token_ms", r.LastToken);
            Time("end_ms", r.End);
            json.WriteNumber("chunks", r.ChunkCount);
            if (r.CompletionTokens is { } c)
            {
                json.WriteNumber("usage_completion_tokens", c);
            }

            if (r.PromptTokens is { } p)
            {
                json.WriteNumber("usage_prompt_tokens", p);
            }

            json.WriteNumber("status", r.Status);
            json.WriteString("outcome", r.Cancelled ? "cancelled" : r.Succeeded ? "ok" : r.Error.Name());
            if (r.ErrorDetail is { } detail)
            {
                json.WriteString("detail", detail);
            }

            json.WriteEndObject();
            json.Flush();
            writer.WriteLine(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length));
        }
    }

    private void Time(string name, long ticks)
    {
        if (ticks > 0)
        {
            json.WriteNumber(name, Math.Round((ticks - start) / ticksPerMs, 3));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            json.Dispose();
            writer.Dispose();
        }
    }
}
