using System.Buffers;
using System.Security.Cryptography;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Streams a file line by line over one pooled buffer while another core hashes it. Lines are handed out as spans into
/// the buffer (valid until the next call); blank lines are skipped but counted, a UTF-8 BOM and '\r' are dropped.
/// Memory stays at the longest line, however long the file.
/// </summary>
internal sealed class JsonLines : IDisposable
{
    private const int InitialSize = 1 << 20;
    private readonly string path;
    private readonly FileStream stream;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int start;
    private int end;
    private readonly Task<string> hash;
    private bool endOfFile;
    private bool first = true;

    public JsonLines(string path)
    {
        this.path = path;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw ResultsFile.CannotRead(path, e);
        }

        // The digest is computed on the other core from its own read of the file, off the parser's path.
        hash = Task.Run(() =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(file));
        });
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

    /// <summary>The sha256 of the whole file.</summary>
    public string Sha256()
    {
        try
        {
            return hash.GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw ResultsFile.CannotRead(path, e);
        }
    }

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

        int read;
        try
        {
            read = stream.Read(buffer, end, buffer.Length - end);
        }
        catch (IOException e)
        {
            throw ResultsFile.CannotRead(path, e);
        }

        if (read == 0)
        {
            endOfFile = true;
            return;
        }

        end += read;
        BytesRead += read;
    }
}
