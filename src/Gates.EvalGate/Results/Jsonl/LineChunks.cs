using System.Buffers;
using Gates.Cli.Inputs;
using Gates.Core.Memory;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Cuts a file into chunks of whole lines, each in its own pooled buffer so that it can be scanned while the next is
/// read. It reads exactly as <see cref="JsonLines"/> does (the same buffer size, growing for a longer line, the same
/// read calls), so the <see cref="InputStream"/> under it hashes and checks UTF-8 at the same points. The chunks'
/// buffers come from a small pool of its own, kept for the next read of the process (a file and its baseline): a new
/// one has its pages mapped in at once (<see cref="FreshPages"/>), not by a page fault each as the read fills it.
/// </summary>
internal sealed class LineChunks : IDisposable
{
    private readonly InputStream stream;
    private const int Spares = 8;
    private static readonly List<byte[]> Spare = [];
    private byte[] carry;
    private int carried;
    private int size;
    private long nextLine = 1;
    private bool endOfFile;

    public LineChunks(string path, int bufferSize = JsonLines.InitialSize)
    {
        stream = InputFiles.Open(path, ResultsFile.What);
        carry = ArrayPool<byte>.Shared.Rent(bufferSize);
        size = carry.Length;
    }

    public long BytesRead => stream.BytesRead;

    /// <summary>The next chunk, or null at the end of the file. Read errors (invalid UTF-8 included) are thrown.</summary>
    public LineChunk? Next()
    {
        if (endOfFile)
        {
            return null;
        }

        var buffer = Take(size);
        carry.AsSpan(0, carried).CopyTo(buffer);
        var end = carried;
        try
        {
            end = Fill(ref buffer, end);
        }
        catch
        {
            Put(buffer);
            throw;
        }

        var cut = endOfFile ? end : buffer.AsSpan(0, end).LastIndexOf((byte)'\n') + 1;
        carried = end - cut;
        if (carried > carry.Length)
        {
            ArrayPool<byte>.Shared.Return(carry);
            carry = ArrayPool<byte>.Shared.Rent(size);
        }

        buffer.AsSpan(cut, carried).CopyTo(carry);
        if (cut == 0)
        {
            Put(buffer);
            return null;
        }

        var newlines = buffer.AsSpan(0, cut).Count((byte)'\n');
        var chunk = new LineChunk(buffer, cut, nextLine, endOfFile && buffer[cut - 1] != (byte)'\n' ? newlines + 1 : newlines);
        nextLine += endOfFile ? 1 : newlines;
        return chunk;
    }

    /// <summary>The sha256 of the whole file.</summary>
    public string Sha256() => stream.Finish();

    /// <summary>Takes back a chunk's buffer once its lines are applied (on the thread that reads).</summary>
    public static void Return(LineChunk chunk) => Put(chunk.Buffer);

    public void Dispose()
    {
        stream.Dispose();
        ArrayPool<byte>.Shared.Return(carry);
    }

    /// <summary>Reads until the buffer holds a newline after <paramref name="end"/> or the file ends; the new end.</summary>
    private int Fill(ref byte[] buffer, int end)
    {
        while (true)
        {
            if (end == buffer.Length)
            {
                var larger = Take(buffer.Length * 2);
                buffer.AsSpan(0, end).CopyTo(larger);
                Put(buffer);
                buffer = larger;
                size = larger.Length;
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfFile = true;
                return end;
            }

            end += read;
            if (buffer.AsSpan(end - read, read).Contains((byte)'\n'))
            {
                return end;
            }
        }
    }

    /// <summary>A buffer of exactly <paramref name="length"/> bytes (as the shared array pool gives): a spare one, or a new one with its pages mapped in.</summary>
    private static byte[] Take(int length)
    {
        lock (Spare)
        {
            for (var i = Spare.Count - 1; i >= 0; i--)
            {
                var buffer = Spare[i];
                if (buffer.Length == length)
                {
                    Spare.RemoveAt(i);
                    return buffer;
                }
            }
        }

        var fresh = GC.AllocateUninitializedArray<byte>(length);
        FreshPages.Populate(fresh, 0, length);
        return fresh;
    }

    /// <summary>Keeps a buffer for a later chunk (up to <see cref="Spares"/> of them; the oldest goes first).</summary>
    private static void Put(byte[] buffer)
    {
        lock (Spare)
        {
            if (Spare.Count == Spares)
            {
                Spare.RemoveAt(0);
            }

            Spare.Add(buffer);
        }
    }
}
