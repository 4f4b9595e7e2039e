using Gates.Cli.Inputs;

namespace Gates.EvalGate.Results;

/// <summary>Reads a whole results file (for the JSON formats) with its SHA-256 through <see cref="InputFiles"/>.</summary>
internal static class ResultsFile
{
    /// <summary>How input messages call a results file.</summary>
    public const string What = "results file";

    public static (byte[] Bytes, string Sha256) ReadAll(string path)
    {
        var content = InputFiles.ReadAll(path, What);
        content.Utf8();
        return (content.Bytes, content.Sha256);
    }

    /// <summary>The bytes after a UTF-8 byte-order mark, if there is one.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;

    public static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
