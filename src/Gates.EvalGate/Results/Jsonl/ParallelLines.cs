using System.Runtime.ExceptionServices;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Reads a JSONL file on several cores: this thread reads chunks of whole lines (hashing and checking UTF-8 as it
/// goes), workers scan them, and this thread applies the scanned chunks in file order. The first error by line order
/// wins, exactly as when reading line by line; memory is a few chunks, however long the file.
/// </summary>
internal static class ParallelLines
{
    /// <summary>Reads the whole file into <paramref name="aggregator"/>; returns the sha256 and the bytes read.</summary>
    public static (string Sha256, long Bytes) Read(string path, ReadOptions options, ItemAggregator aggregator, int bufferSize, int workers)
    {
        using var chunks = new LineChunks(path, bufferSize);
        var pending = new Queue<(LineChunk Chunk, ChunkScan Scan, Task<ScannedLines> Task)>();
        var idle = new Stack<ChunkScan>();
        ExceptionDispatchInfo? readError = null;
        var ended = false;
        try
        {
            while (true)
            {
                while (!ended && pending.Count < workers * 2)
                {
                    LineChunk? chunk = null;
                    try
                    {
                        chunk = chunks.Next();
                    }
                    catch (Exception e)
                    {
                        readError = ExceptionDispatchInfo.Capture(e);
                    }

                    if (chunk is null)
                    {
                        ended = true;
                        break;
                    }

                    var scan = idle.Count > 0 ? idle.Pop() : new ChunkScan(new LineScanner(path, options, aggregator.Ids.Candidates, aggregator.HashIds));
                    pending.Enqueue((chunk, scan, Task.Run(() => scan.Scan(chunk))));
                }

                if (pending.Count == 0)
                {
                    break;
                }

                var (done, doneScan, task) = pending.Dequeue();
                var scanned = task.GetAwaiter().GetResult();
                LineChunks.Return(done);
                aggregator.Apply(scanned);
                idle.Push(doneScan);
            }
        }
        finally
        {
            foreach (var (chunk, _, task) in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // The error that ends the read is already on its way; this chunk's buffer is free now.
                }

                LineChunks.Return(chunk);
            }
        }

        readError?.Throw();
        return (chunks.Sha256(), chunks.BytesRead);
    }
}
