using System.Globalization;
using System.Text;

namespace Gates.ManifestBump.Yaml;

/// <summary>A unified diff (as <c>diff -u</c> prints it) between two texts, with three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string before, string after, string oldName, string newName)
    {
        var a = SplitLines(before);
        var b = SplitLines(after);
        var ops = Script(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return "";
        }

        var text = new StringBuilder().Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in Hunks(ops))
        {
            WriteHunk(text, ops, hunk.From, hunk.To);
        }

        return text.ToString();
    }

    private readonly record struct Op(char Kind, string Line, int OldLine, int NewLine);

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Common prefix and suffix are kept; the middle is diffed by longest common subsequence.</summary>
    private static List<Op> Script(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var ops = new List<Op>();
        for (var i = 0; i < head; i++)
        {
            ops.Add(new Op(' ', a[i], i, i));
        }

        Middle(a, b, head, a.Count - tail, b.Count - tail, ops);
        for (var k = tail; k > 0; k--)
        {
            ops.Add(new Op(' ', a[a.Count - k], a.Count - k, b.Count - k));
        }

        return ops;
    }

    private static void Middle(List<string> a, List<string> b, int from, int aEnd, int bEnd, List<Op> ops)
    {
        int n = aEnd - from, m = bEnd - from;
        if ((long)n * m > 4_000_000)
        {
            ops.AddRange(Enumerable.Range(from, n).Select(i => new Op('-', a[i], i, -1)));
            ops.AddRange(Enumerable.Range(from, m).Select(j => new Op('+', b[j], -1, j)));
            return;
        }

        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[from + i] == b[from + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[from + x] == b[from + y])
            {
                ops.Add(new Op(' ', a[from + x], from + x, from + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(new Op('-', a[from + x], from + x, -1));
                x++;
            }
            else
            {
                ops.Add(new Op('+', b[from + y], -1, from + y));
                y++;
            }
        }
    }

    private static IEnumerable<(int From, int To)> Hunks(List<Op> ops)
    {
        var changed = ops.Select((o, i) => (o, i)).Where(x => x.o.Kind != ' ').Select(x => x.i).ToList();
        var start = Math.Max(0, changed[0] - Context);
        var end = Math.Min(ops.Count, changed[0] + Context + 1);
        foreach (var index in changed.Skip(1))
        {
            if (index - Context > end)
            {
                yield return (start, end);
                start = index - Context;
            }

            end = Math.Min(ops.Count, index + Context + 1);
        }

        yield return (start, end);
    }

    private static void WriteHunk(StringBuilder text, List<Op> ops, int from, int to)
    {
        var slice = ops.GetRange(from, to - from);
        var oldCount = slice.Count(o => o.Kind != '+');
        var newCount = slice.Count(o => o.Kind != '-');
        var oldStart = OldStart(ops, from) + (oldCount > 0 ? 1 : 0);
        var newStart = NewStart(ops, from) + (newCount > 0 ? 1 : 0);
        text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
        foreach (var op in slice)
        {
            var line = op.Line.TrimEnd('\n');
            text.Append(op.Kind).Append(line.TrimEnd('\r')).Append('\n');
            if (!op.Line.EndsWith('\n'))
            {
                text.Append("\\ No newline at end of file\n");
            }
        }
    }

    private static int OldStart(List<Op> ops, int from) => ops.Take(from).Count(o => o.Kind != '+');

    private static int NewStart(List<Op> ops, int from) => ops.Take(from).Count(o => o.Kind != '-');

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start},{count}");
}
