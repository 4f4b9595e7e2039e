using System.Buffers;
using Gates.Cli.Inputs;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Streams a file line by line over one pooled buffer; the <see cref="InputStream"/> under it hashes the bytes and
/// checks their UTF-8 as they pass. Lines are handed out as spans into
/// the buffer (valid until the next call); blank lines are skipped but counted, a UTF-8 BOM and '\r' are dropped.
/// Memory stays at the longest line, however long the file.
/// </summary>
internal sealed class JsonLines : IDisposable
{
    /// <summary>The buffer a reader starts with (it doubles for a longer line).</summary>
    public const int InitialSize = 1 << 20;
    private readonly InputStream stream;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfFile;
    private bool first = true;

    public JsonLines(string path, int bufferSize = InitialSize)
    {
        buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            stream = InputFiles.Open(path, ResultsFile.What);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>The next non-blank line, or false at the end of the file.</summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (TryReadAny(out line))
        {
            if (!ResultsFile.IsBlank(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sha256 of the whole file (what is not read yet is read for it).</summary>
    public string Sha256() => stream.Finish();

    public void Dispose()
    {
        stream.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private bool TryReadAny(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, newline + 1);
                return true;
            }

            if (endOfFile)
            {
                if (start == end)
                {
                    line = default;
                    return false;
                }

                line = Take(end - start, end - start);
                return true;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int length, int advance)
    {
        var line = buffer.AsSpan(start, length);
        start += advance;
        LineNumber++;
        if (first)
        {
            first = false;
            if (line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }
        }

        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);

        if (read == 0)
        {
            endOfFile = true;
            return;
        }

        end += read;
        BytesRead += read;
    }
}
