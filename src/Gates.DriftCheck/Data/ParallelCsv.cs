using System.Collections.Concurrent;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Data;

/// <summary>
/// The fast path for large plain CSV files: the data rows are cut into parts of <see cref="PartBytes"/> at line
/// breaks and the parts are read on every core at once, each into its own accumulators, which are then joined in
/// file order (<see cref="ColumnAccumulator.Append"/>). It only handles what needs no CSV rules: no quote character
/// anywhere, every row with the header's number of fields, no blank rows. Anything else returns null and the file is
/// read again by the full reader, which reports problems with their lines.
/// </summary>
internal static class ParallelCsv
{
    /// <summary>Smaller files are read by the full reader alone (starting threads would cost more than it saves).</summary>
    public const long MinBytes = 16 << 20;

    /// <summary>The size of a part; fixed, so that the parts (and so every sum) are the same on any machine.</summary>
    public const long PartBytes = 24 << 20;

    private const int BufferBytes = 1 << 20;
    private const int MaxLineBytes = 64 << 20;

    /// <summary>Read buffers of finished parts, reused by the next parts instead of fresh arrays (each a megabyte of page faults).</summary>
    private static readonly ConcurrentBag<byte[]> Buffers = [];

    public static bool Suits(string path, long length) => length >= MinBytes && File.Exists(path);

    /// <summary>Reads the rows after the header; null when the file needs the full CSV reader.</summary>
    public static (ColumnAccumulator[] Columns, long Rows)? TryRead(
        string path, IReadOnlyList<string> names, char separator, TableReadOptions options, CancellationToken ct, Action<long>? progress)
    {
        if (separator > 127)
        {
            return null;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
            var bounds = Bounds(file);
            if (bounds is null)
            {
                return null;
            }

            var parts = new Part?[bounds.Length - 1];
            var total = 0L;
            var failed = 0;
            Parallel.For(0, parts.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
            {
                var part = new Part(path, names, (byte)separator, options, ct, rows =>
                {
                    var seen = Interlocked.Add(ref total, rows);
                    progress?.Invoke(seen);
                });
                if (part.Read(bounds[i], bounds[i + 1]))
                {
                    parts[i] = part;
                }
                else
                {
                    Interlocked.Exchange(ref failed, 1);
                    state.Stop();
                }
            });

            return failed != 0 || parts.Any(p => p is null) ? null : Join(parts!);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (ColumnAccumulator[] Columns, long Rows) Join(Part[] parts)
    {
        var columns = parts[0].Columns;
        var rows = parts[0].Rows;
        foreach (var part in parts.Skip(1))
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Append(part.Columns[c], rows);
            }

            rows += part.Rows;
        }

        return (columns, rows);
    }

    /// <summary>Where the data starts (after the header line) and where each part ends (after a line break).</summary>
    private static long[]? Bounds(FileStream file)
    {
        var head = new byte[(int)Math.Min(BufferBytes, file.Length)];
        file.ReadExactly(head);
        var newline = Array.IndexOf(head, (byte)'\n');
        if (newline < 0 || head.AsSpan(0, newline).Contains((byte)'"'))
        {
            return null;
        }

        var bounds = new List<long> { newline + 1 };
        var probe = new byte[1 << 16];
        while (file.Length - bounds[^1] > PartBytes)
        {
            var at = bounds[^1] + PartBytes;
            file.Position = at;
            var n = file.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
            var next = Array.IndexOf(probe, (byte)'\n', 0, n);
            if (next < 0)
            {
                return null;
            }

            bounds.Add(at + next + 1);
        }

        bounds.Add(file.Length);
        return [.. bounds];
    }

    /// <summary>One part of the file read into its own accumulators; row numbers count from the part's first row.</summary>
    private sealed class Part(string path, IReadOnlyList<string> names, byte separator, TableReadOptions options, CancellationToken ct, Action<long> progress)
    {
        public ColumnAccumulator[] Columns { get; } = [.. names.Select(n => options.NewColumn(n))];

        public long Rows { get; private set; }

        public bool Read(long start, long end)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.Position = start;
            var buffer = Buffers.TryTake(out var free) ? free : GC.AllocateUninitializedArray<byte>(BufferBytes);
            try
            {
                return Read(file, buffer, end - start);
            }
            finally
            {
                if (buffer.Length == BufferBytes && Buffers.Count < 2 * Environment.ProcessorCount)
                {
                    Buffers.Add(buffer);
                }
            }
        }

        private bool Read(FileStream file, byte[] buffer, long left)
        {
            var kept = 0;
            while (left > 0 || kept > 0)
            {
                var n = left > 0 ? file.Read(buffer, kept, (int)Math.Min(buffer.Length - kept, left)) : 0;
                if (n == 0 && left > 0)
                {
                    return false;
                }

                left -= n;
                var filled = kept + n;
                var span = buffer.AsSpan(0, filled);
                var last = left > 0 ? span.LastIndexOf((byte)'\n') : filled - 1;
                if (last < 0)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        return false;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                    kept = filled;
                    continue;
                }

                var lines = span[..(last + 1)];
                if (lines.Contains((byte)'"') || !AddLines(lines))
                {
                    return false;
                }

                kept = filled - (last + 1);
                span[(last + 1)..].CopyTo(buffer);
                if (left == 0 && kept == 0)
                {
                    break;
                }
            }

            return true;
        }

        /// <summary>Adds every line of the span (the last may lack its line break only at the end of the file).</summary>
        private bool AddLines(ReadOnlySpan<byte> lines)
        {
            var before = Rows;
            while (!lines.IsEmpty)
            {
                var newline = lines.IndexOf((byte)'\n');
                var line = newline < 0 ? lines : lines[..newline];
                lines = newline < 0 ? default : lines[(newline + 1)..];
                if (!line.IsEmpty && line[^1] == '\r')
                {
                    line = line[..^1];
                }

                if (line.IsEmpty || !Row(line))
                {
                    return false;
                }

                if ((Rows & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress(Rows - before);
                    before = Rows;
                }
            }

            progress(Rows - before);
            return true;
        }

        private bool Row(ReadOnlySpan<byte> line)
        {
            Rows++;
            var last = Columns.Length - 1;
            for (var i = 0; i < last; i++)
            {
                var at = line.IndexOf(separator);
                if (at < 0)
                {
                    return false;
                }

                Columns[i].Add(line[..at], Rows);
                line = line[(at + 1)..];
            }

            if (line.Contains(separator))
            {
                return false;
            }

            Columns[last].Add(line, Rows);
            return true;
        }
    }
}
