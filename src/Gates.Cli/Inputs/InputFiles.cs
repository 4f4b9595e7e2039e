using System.Security.Cryptography;

namespace Gates.Cli.Inputs;

/// <summary>
/// Reads every input file of every tool: a folder or a missing file is named as such and any I/O failure becomes a
/// usage error (exit 2) naming the file. <paramref name="what"/> in each method is how messages call the file,
/// e.g. "thresholds file"; <c>shown</c>, when given, is the name messages and the result use instead of
/// <c>path</c> (a path as the user gave it, when <c>path</c> is the resolved one).
/// </summary>
public static class InputFiles
{
    /// <summary>The whole file with its SHA-256. An empty file is returned as zero bytes; the caller decides.</summary>
    public static InputContent ReadAll(string path, string what, string? shown = null)
    {
        using var stream = OpenFile(path, what, shown ?? path, bufferSize: 1);
        byte[] bytes;
        try
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputProblems.CannotRead(shown ?? path, what, e);
        }

        return new InputContent(shown ?? path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>
    /// The file as a stream for inputs too big to hold: it hashes and checks UTF-8 as it is read, so the file is read
    /// once for its data and its SHA-256 (<see cref="InputStream.Finish"/>).
    /// </summary>
    public static InputStream Open(string path, string what, string? shown = null) =>
        new(shown ?? path, what, OpenFile(path, what, shown ?? path, 1 << 16), checkUtf8: true);

    /// <summary>Like <see cref="Open"/> for a file that is not UTF-8 text (e.g. a histogram log): hashed, not checked.</summary>
    public static InputStream OpenBinary(string path, string what, string? shown = null) =>
        new(shown ?? path, what, OpenFile(path, what, shown ?? path, 1 << 16), checkUtf8: false);

    private static FileStream OpenFile(string path, string what, string shown, int bufferSize)
    {
        if (Directory.Exists(path))
        {
            throw InputProblems.Folder(shown, what);
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw InputProblems.NotFound(shown, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw InputProblems.CannotRead(shown, what, e);
        }
    }
}
