using System.Globalization;
using System.Text;

namespace Gates.LatencyBench.ServerMetrics;

/// <summary>One sample of the Prometheus text exposition format: a series name, its labels and its value.</summary>
internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4, also what OpenMetrics servers send to a plain
/// scrape): comment lines are skipped, each other line is <c>name{label="value",…} value [timestamp]</c>. A line
/// that cannot be read is skipped and counted, so one odd series does not lose the scrape.
/// </summary>
internal static class ExpositionParser
{
    public static (IReadOnlyList<Sample> Samples, int Skipped) Parse(string text)
    {
        var samples = new List<Sample>();
        var skipped = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryLine(line) is { } sample)
            {
                samples.Add(sample);
            }
            else
            {
                skipped++;
            }
        }

        return (samples, skipped);
    }

    private static Sample? TryLine(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ' && line[i] != '\t')
        {
            i++;
        }

        var name = line[..i];
        if (name.Length == 0)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{' && !TryLabels(line, ref i, labels))
        {
            return null;
        }

        var rest = line[i..].Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return rest.Length >= 1 && TryValue(rest[0], out var value) ? new Sample(name, labels, value) : null;
    }

    private static bool TryLabels(string line, ref int i, Dictionary<string, string> labels)
    {
        i++; // '{'
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == ','))
            {
                i++;
            }

            if (i < line.Length && line[i] == '}')
            {
                i++;
                return true;
            }

            var eq = line.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
            {
                return false;
            }

            var key = line[i..eq].Trim();
            var value = new StringBuilder();
            var j = eq + 2;
            for (; j < line.Length && line[j] != '"'; j++)
            {
                if (line[j] == '\\' && j + 1 < line.Length)
                {
                    j++;
                    value.Append(line[j] == 'n' ? '\n' : line[j]);
                }
                else
                {
                    value.Append(line[j]);
                }
            }

            if (j >= line.Length)
            {
                return false;
            }

            labels[key] = value.ToString();
            i = j + 1;
        }

        return false;
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
