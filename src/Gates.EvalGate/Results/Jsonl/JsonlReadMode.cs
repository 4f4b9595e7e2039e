namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// How a per-item JSONL file is read: the buffer (chunk) size, and whether on several cores. By default a regular file
/// of at least four buffers is read in parallel when there are two or more cores; a pipe or stdin is read line by line.
/// </summary>
internal sealed record JsonlReadMode(int BufferSize = JsonLines.InitialSize, bool? Parallel = null)
{
    public static JsonlReadMode Default { get; } = new();

    /// <summary>Scanning workers (chunks in flight are twice as many).</summary>
    public int Workers { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public bool UseParallel(string path) => Parallel ?? (Environment.ProcessorCount > 1 && IsLargeRegularFile(path));

    private bool IsLargeRegularFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0 &&
                   info.LinkTarget is null && info.Length >= 4L * BufferSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
