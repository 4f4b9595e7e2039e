using Gates.Core.Results;

namespace Gates.Cli.Inputs;

/// <summary>A whole input file: the path as the user gave it, its bytes and their SHA-256 (lowercase hex).</summary>
public sealed record InputContent(string Path, byte[] Bytes, string Sha256)
{
    public bool IsEmpty => Bytes.Length == 0;

    /// <summary>The bytes after a UTF-8 byte-order mark, checked to be UTF-8 (else exit 2 naming the byte offset).</summary>
    public ReadOnlyMemory<byte> Utf8()
    {
        StrictUtf8.Check(Path, Bytes);
        return StrictUtf8.WithoutBom(Bytes);
    }

    /// <summary>The text, decoded strictly as UTF-8 without a leading byte-order mark.</summary>
    public string Text() => StrictUtf8.Decode(Path, Bytes);

    /// <summary>This file as the report lists it.</summary>
    public InputFile As(string role) => new(role, Path, Sha256);
}
