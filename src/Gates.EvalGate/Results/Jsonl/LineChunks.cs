using System.Buffers;
using Gates.Cli.Inputs;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Cuts a file into chunks of whole lines, each in its own pooled buffer so that it can be scanned while the next is
/// read. It reads exactly as <see cref="JsonLines"/> does (the same buffer size, growing for a longer line, the same
/// read calls), so the <see cref="InputStream"/> under it hashes and checks UTF-8 at the same points.
/// </summary>
internal sealed class LineChunks : IDisposable
{
    private readonly InputStream stream;
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

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        carry.AsSpan(0, carried).CopyTo(buffer);
        var end = carried;
        try
        {
            end = Fill(ref buffer, end);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        var newlines = buffer.AsSpan(0, cut).Count((byte)'\n');
        var chunk = new LineChunk(buffer, cut, nextLine, endOfFile && buffer[cut - 1] != (byte)'\n' ? newlines + 1 : newlines);
        nextLine += endOfFile ? 1 : newlines;
        return chunk;
    }

    /// <summary>The sha256 of the whole file.</summary>
    public string Sha256() => stream.Finish();

    public static void Return(LineChunk chunk) => ArrayPool<byte>.Shared.Return(chunk.Buffer);

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
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, end).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
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
}
