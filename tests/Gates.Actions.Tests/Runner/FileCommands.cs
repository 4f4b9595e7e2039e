namespace Gates.Actions.Tests.Runner;

/// <summary>
/// Reads the runner's environment files ($GITHUB_OUTPUT, $GITHUB_ENV) the way the runner does: lines
/// <c>name=value</c>, or <c>name&lt;&lt;DELIMITER</c> … <c>DELIMITER</c> for multi-line values. A heredoc
/// without its closing delimiter is an error, as it is on GitHub.
/// </summary>
public static class FileCommands
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (!File.Exists(path))
        {
            return pairs;
        }

        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=');
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; i < lines.Length && lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                if (i >= lines.Length)
                {
                    throw new InvalidDataException($"{path}: no closing delimiter '{delimiter}' for '{name}'");
                }

                pairs.Add(new(name, string.Join('\n', value)));
            }
            else if (equals > 0)
            {
                pairs.Add(new(line[..equals], line[(equals + 1)..]));
            }
            else
            {
                throw new InvalidDataException($"{path}: invalid line '{line}'");
            }
        }

        return pairs;
    }

    public static IReadOnlyList<string> Lines(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList()
            : [];
}
