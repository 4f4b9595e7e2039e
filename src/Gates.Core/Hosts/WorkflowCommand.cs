using System.Globalization;

namespace Gates.Core.Hosts;

/// <summary>
/// One GitHub Actions workflow command line, <c>::name key=value,key=value::message</c>, escaped the way
/// the runner unescapes it: the message escapes % \r \n; property values also escape : and ,.
/// Properties with empty values are left out, like @actions/core does.
/// </summary>
public sealed class WorkflowCommand
{
    public WorkflowCommand(string name, string message, IReadOnlyList<KeyValuePair<string, string?>>? properties = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => char.IsWhiteSpace(c) || c == ':'))
        {
            throw new ArgumentException($"'{name}' is not a workflow command name", nameof(name));
        }

        Name = name;
        Message = message;
        Properties = properties ?? [];
    }

    public string Name { get; }

    public string Message { get; }

    public IReadOnlyList<KeyValuePair<string, string?>> Properties { get; }

    public static WorkflowCommand Error(string message, string? title = null, string? file = null, int? line = null) =>
        Annotation("error", message, title, file, line);

    public static WorkflowCommand Warning(string message, string? title = null, string? file = null, int? line = null) =>
        Annotation("warning", message, title, file, line);

    public static WorkflowCommand Notice(string message, string? title = null, string? file = null, int? line = null) =>
        Annotation("notice", message, title, file, line);

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    public override string ToString()
    {
        var properties = string.Join(",", Properties
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}={EscapeProperty(p.Value!)}"));
        var head = properties.Length == 0 ? Name : $"{Name} {properties}";
        return $"::{head}::{EscapeData(Message)}";
    }

    private static WorkflowCommand Annotation(string name, string message, string? title, string? file, int? line) =>
        new(name, message,
        [
            new("title", title),
            new("file", file),
            new("line", line?.ToString(CultureInfo.InvariantCulture)),
        ]);
}
