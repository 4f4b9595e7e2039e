using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gates.Core;

namespace Gates.LatencyBench.Tuning;

/// <summary>What appending a row gave: its number, its change against the previous row, and a stop signal when there is one.</summary>
internal sealed record TuningAppend(int Number, string Delta, string? Stop, IReadOnlyList<string> Moved);

/// <summary>
/// The tuning log: a Markdown table with one row per run (<c>--tuning-log FILE.md</c>). A missing file is created
/// with a title and the header; an existing one must hold exactly that header, else it is refused. Rows are only
/// appended: the new file is the old bytes plus one line, written to a temporary file beside it and renamed over it,
/// so a reader never sees half a row and earlier rows are never rewritten. After appending it says "stop" when the
/// SLO is met, or when the last <c>patience</c> changes moved no key metric by more than <c>noise</c>.
/// </summary>
internal static partial class TuningLog
{
    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Pipe();

    public static TuningAppend Append(string path, TuningRow row, double noise, int patience)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        var previous = existing is null ? [] : Rows(existing, path);
        var last = previous.Count > 0 ? previous[^1] : null;
        var moved = last is null ? [] : Moved(last, row.Metrics, noise);
        var delta = last is null ? "first row" : moved.Count > 0 ? string.Join(", ", moved) : $"within noise (±{noise:0.#%})";
        var number = previous.Count + 1;
        var line = Line(number, row, delta);
        var text = existing is null
            ? $"# Tuning log\n\nOne row per run, appended by latency-bench --tuning-log; Δ is the change of each key metric against the previous row beyond ±{noise:0.#%}.\n\n{KeyMetrics.Header}\n{KeyMetrics.Separator}\n{line}\n"
            : existing + (existing.EndsWith('\n') ? "" : "\n") + line + "\n";
        WriteAtomically(path, existing, text);

        var all = previous.Append(row.Metrics).ToList();
        return new TuningAppend(number, delta, Stop(row, all, noise, patience), moved);
    }

    /// <summary>Why to stop tuning, or null: the SLO is met, or the last <paramref name="patience"/> changes moved nothing beyond noise.</summary>
    private static string? Stop(TuningRow row, List<IReadOnlyDictionary<string, double>> rows, double noise, int patience)
    {
        if (row.SloMet == true)
        {
            return "the SLO is met: stop tuning and keep this configuration";
        }

        if (rows.Count <= patience)
        {
            return null;
        }

        for (var i = rows.Count - patience; i < rows.Count; i++)
        {
            if (Moved(rows[i - 1], rows[i], noise).Count > 0)
            {
                return null;
            }
        }

        return $"the last {patience} changes moved no key metric beyond ±{noise:0.#%}: stop churning knobs; the limit is elsewhere (see the server metrics for the ceiling)";
    }

    /// <summary>Key metrics that changed by more than the noise, as "req/s +12%".</summary>
    private static List<string> Moved(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, double noise)
    {
        var moved = new List<string>();
        foreach (var (title, metric) in KeyMetrics.Columns)
        {
            if (!before.TryGetValue(metric, out var b) || !after.TryGetValue(metric, out var a))
            {
                continue;
            }

            if (Math.Abs(b) < 1e-12)
            {
                if (Math.Abs(a) > 1e-12)
                {
                    moved.Add($"{title} {Cell(b)} → {Cell(a)}");
                }

                continue;
            }

            var change = (a - b) / Math.Abs(b);
            if (Math.Abs(change) > noise)
            {
                moved.Add($"{title} {(change > 0 ? "+" : "−")}{Math.Abs(change).ToString("0.#%", CultureInfo.InvariantCulture)}");
            }
        }

        return moved;
    }

    private static string Line(int number, TuningRow row, string delta)
    {
        var cells = new List<string>
        {
            number.ToString(CultureInfo.InvariantCulture),
            row.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Escape(row.Change),
        };
        cells.AddRange(KeyMetrics.Columns.Select(c => row.Metrics.TryGetValue(c.Metric, out var v) ? Cell(v) : "—"));
        cells.Add(delta);
        cells.Add(row.SloMet switch { true => "met", false => "missed", null => "—" });
        return "| " + string.Join(" | ", cells) + " |";
    }

    private static string Cell(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Trim();

    /// <summary>The key metrics of every row of an existing log; refuses a file whose table is not the tuning log's.</summary>
    private static List<IReadOnlyDictionary<string, double>> Rows(string text, string path)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith('|'));
        if (start < 0 || lines[start].Trim() != KeyMetrics.Header)
        {
            var found = start < 0 ? "no table" : $"the header '{lines[start].Trim()}'";
            throw new GateInputException($"--tuning-log {path}: {found} where the tuning log's header belongs; expected '{KeyMetrics.Header}'. Give a new file, or one written by latency-bench --tuning-log (rows are only ever appended)");
        }

        var rows = new List<IReadOnlyDictionary<string, double>>();
        for (var i = start + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = Pipe().Split(lines[i].Trim().Trim('|'));
            if (cells.Length != KeyMetrics.CellCount)
            {
                throw new GateInputException($"--tuning-log {path}:{i + 1}: a row has {cells.Length} cells, the table {KeyMetrics.CellCount}; the log was edited by hand, so it is not appended to");
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var c = 0; c < KeyMetrics.Columns.Length; c++)
            {
                if (double.TryParse(cells[3 + c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    metrics[KeyMetrics.Columns[c].Metric] = v;
                }
            }

            rows.Add(metrics);
        }

        return rows;
    }

    private static void WriteAtomically(string path, string? expected, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        try
        {
            // Another run appended meanwhile: refuse rather than lose its row.
            var now = File.Exists(path) ? File.ReadAllText(path) : null;
            if (now != expected)
            {
                throw new GateRuntimeException($"--tuning-log {path}: the file changed while this run appended to it; run again");
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
