using System.Security.Cryptography;

namespace Gates.Cli.Inputs;

/// <summary>
/// A read-only stream over an input file that hashes (and, for text, checks UTF-8) as bytes pass through it. A file
/// that starts with a UTF-16 or UTF-32 byte-order mark is hashed but not checked: its reader decodes it by that mark. Read errors and
/// invalid UTF-8 are usage errors (exit 2) naming the file and, for UTF-8, the byte offset.
/// </summary>
public sealed class InputStream : Stream
{
    private readonly FileStream inner;
    private readonly string what;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Utf8Validator? utf8;
    private string? digest;

    internal InputStream(string path, string what, FileStream inner, bool checkUtf8)
    {
        Path = path;
        this.what = what;
        this.inner = inner;
        utf8 = checkUtf8 ? new Utf8Validator(path, allowUtf16Or32Bom: true) : null;
    }

    /// <summary>The path as the user gave it.</summary>
    public string Path { get; }

    /// <summary>Bytes read (and hashed) so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>Up to <paramref name="count"/> bytes from the start of the file, before anything is read.</summary>
    public byte[] Peek(int count)
    {
        if (BytesRead != 0)
        {
            throw new InvalidOperationException("Peek is only possible before the first read.");
        }

        var head = new byte[(int)Math.Min(count, Length)];
        try
        {
            inner.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            inner.Position = 0;
        }
        catch (IOException e)
        {
            throw InputProblems.CannotRead(Path, what, e);
        }

        return head;
    }

    /// <summary>Reads what is left (so the hash covers the whole file) and returns the lowercase hex SHA-256.</summary>
    public string Finish()
    {
        if (digest is not null)
        {
            return digest;
        }

        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        return digest;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputProblems.CannotRead(Path, what, e);
        }

        var read = buffer[..n];
        hash.AppendData(read);
        if (n == 0)
        {
            utf8?.Finish();
        }
        else
        {
            utf8?.Append(read);
        }

        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
