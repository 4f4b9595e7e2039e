using System.Text;
using Gates.Core;

namespace Gates.Cli.Hosts;

/// <summary>
/// Writes files so that a reader never sees half of one: the text goes to a temporary file in the same folder,
/// which then replaces the target in one move. Text is written as UTF-8 without a byte-order mark.
/// A file that cannot be written is a runtime error (exit 3) naming the path.
/// </summary>
public static class AtomicFile
{
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string content) => Write(path, Utf8NoBom.GetBytes(content));

    /// <summary>Writes exact bytes; a file that already exists keeps its permissions.</summary>
    public static void Write(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(temp, content);
            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new GateRuntimeException($"could not write {full}: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file stays behind; the error about the real file matters more.
        }
    }
}
