using System.Buffers;
using System.Text;

namespace Gates.Cli.Inputs;

/// <summary>Strict UTF-8 for input files: invalid bytes are a usage error naming the file and the byte offset.</summary>
public static class StrictUtf8
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The text of <paramref name="bytes"/> without a leading byte-order mark.</summary>
    public static string Decode(string path, byte[] bytes)
    {
        Check(path, bytes);
        return Encoding.UTF8.GetString(WithoutBom(bytes).Span);
    }

    /// <summary>Throws when <paramref name="bytes"/> hold invalid UTF-8 (a truncated last character included).</summary>
    public static void Check(string path, ReadOnlySpan<byte> bytes)
    {
        var validator = new Utf8Validator(path);
        validator.Append(bytes);
        validator.Finish();
    }

    public static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) => bytes.AsSpan().StartsWith(Bom) ? bytes.AsMemory(3) : bytes;
}
