namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// How a per-item JSONL file is read: the buffer (chunk) size, and whether on several cores. By default a regular file
/// of at least four buffers is read in parallel when there are two or more cores; a pipe or stdin is read line by line.
/// (<see cref="ParallelLines"/> itself never seeks: forced on, it reads a pipe in parallel too.)
/// </summary>
internal sealed record JsonlReadMode(int BufferSize = JsonLines.InitialSize, bool? Parallel = null)
{
    public static JsonlReadMode Default { get; } = new();

    /// <summary>Scanning workers (chunks in flight are twice as many).</summary>
    public int Workers { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public bool UseParallel(string path) =>
        Parallel ?? (Environment.ProcessorCount > 1 && RegularFileLength(path) >= 4L * BufferSize);

    /// <summary>True for a regular file (not a pipe, device or stdin), which can be read again from its start.</summary>
    public bool CanReadTwice(string path) => RegularFileLength(path) >= 0;

    private static long RegularFileLength(string path)
    {
        try
        {
            var info = new FileInfo(path);
            // A pipe (a FIFO, stdin) shows a length of 0 and /dev/stdin is a link: both are streamed once, line by line.
            var regular = info.Exists && (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0 &&
                          info.LinkTarget is null && info.Length > 0;
            return regular ? info.Length : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return -1;
        }
    }
}
