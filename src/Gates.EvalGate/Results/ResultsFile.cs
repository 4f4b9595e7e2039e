using System.Security.Cryptography;
using Gates.Core;

namespace Gates.EvalGate.Results;

/// <summary>Reads a whole results file (for the JSON formats) with its SHA-256, mapping I/O failures to input errors.</summary>
internal static class ResultsFile
{
    public static (byte[] Bytes, string Sha256) ReadAll(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, e);
        }

        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public static GateInputException CannotRead(string path, Exception e) =>
        new($"{path}: cannot read results file: {e.Message}");

    /// <summary>The bytes after a UTF-8 byte-order mark, if there is one.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;

    public static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
