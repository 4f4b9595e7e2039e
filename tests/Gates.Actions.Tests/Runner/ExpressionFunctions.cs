using System.Text.RegularExpressions;

namespace Gates.Actions.Tests.Runner;

/// <summary>
/// Status functions (from the job's state so far) and the string functions the actions use, plus any extra
/// functions a caller adds (the Argo tests add asInt).
/// </summary>
public sealed class ExpressionFunctions(bool jobFailed, IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, object?>>? extra = null)
{
    public object? Call(string name, IReadOnlyList<object?> args) => extra is not null && extra.TryGetValue(name, out var function)
        ? function(args)
        : Builtin(name, args);

    private object? Builtin(string name, IReadOnlyList<object?> args) => name.ToLowerInvariant() switch
    {
        "success" => !jobFailed,
        "failure" => jobFailed,
        "always" => true,
        "cancelled" => false,
        "contains" => Text(args, 0).Contains(Text(args, 1), StringComparison.OrdinalIgnoreCase),
        "startswith" => Text(args, 0).StartsWith(Text(args, 1), StringComparison.OrdinalIgnoreCase),
        "endswith" => Text(args, 0).EndsWith(Text(args, 1), StringComparison.OrdinalIgnoreCase),
        "format" => Format(args),
        _ => throw new NotSupportedException($"function {name}() is not simulated"),
    };

    /// <summary>True when the condition uses a status function, so it is not implicitly ANDed with success().</summary>
    public static bool HasStatusFunction(string condition) =>
        Regex.IsMatch(condition, @"\b(success|failure|always|cancelled)\s*\(", RegexOptions.IgnoreCase);

    private static string Text(IReadOnlyList<object?> args, int index) =>
        index < args.Count ? Expression.ToText(args[index]) : throw new NotSupportedException("missing function argument");

    private static string Format(IReadOnlyList<object?> args)
    {
        var template = Text(args, 0).Replace("{{", "\u0001").Replace("}}", "\u0002");
        for (var i = 1; i < args.Count; i++)
        {
            template = template.Replace("{" + (i - 1) + "}", Expression.ToText(args[i]));
        }

        return template.Replace("\u0001", "{").Replace("\u0002", "}");
    }
}
