namespace Gates.Core.Hosts;

/// <summary>
/// Builds the text appended to <c>$GITHUB_OUTPUT</c>: always the multi-line form
/// <c>name&lt;&lt;DELIMITER\nvalue\nDELIMITER\n</c>, with a delimiter the caller makes fresh for each run.
/// A name or value that contains the delimiter is refused, so a value can never end its block early.
/// </summary>
public static class GitHubOutputs
{
    /// <summary>A delimiter nobody can guess in advance: a prefix and a fresh random id from the caller.</summary>
    public static string NewDelimiter(Guid id) => "gates_delimiter_" + id.ToString("N");

    public static string Heredoc(string name, string value, string delimiter)
    {
        if (string.IsNullOrWhiteSpace(delimiter) || delimiter.Contains('\n') || delimiter.Contains('\r'))
        {
            throw new ArgumentException("the delimiter must be one non-empty line", nameof(delimiter));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Contains('\n') || name.Contains('\r') || name.Contains('='))
        {
            throw new ArgumentException($"'{name}' is not a valid output name", nameof(name));
        }

        if (name.Contains(delimiter, StringComparison.Ordinal) || value.Contains(delimiter, StringComparison.Ordinal))
        {
            throw new ArgumentException($"output '{name}' contains the delimiter; choose another delimiter", nameof(value));
        }

        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }

    public static string Heredocs(IEnumerable<KeyValuePair<string, string>> outputs, string delimiter) =>
        string.Concat(outputs.Select(o => Heredoc(o.Key, o.Value, delimiter)));
}
