using System.CommandLine;

namespace Gates.Cli;

/// <summary>
/// Options that fall back to an environment variable GATES_&lt;FLAG&gt; (--report-json → GATES_REPORT_JSON), so
/// composite actions pass inputs through <c>env:</c> only.
/// </summary>
public static class EnvOption
{
    public static string VariableFor(string flag) => "GATES_" + flag.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    public static Option<string?> Text(GateEnvironment env, string flag, string description, params string[] aliases)
    {
        var variable = VariableFor(flag);
        return new Option<string?>(flag, aliases)
        {
            Description = $"{description} [env: {variable}]",
            DefaultValueFactory = _ => env.Get(variable),
        };
    }

    /// <summary>A repeatable option; its variable holds one value per line.</summary>
    public static Option<string[]> List(GateEnvironment env, string flag, string description, params string[] aliases)
    {
        var variable = VariableFor(flag);
        return new Option<string[]>(flag, aliases)
        {
            Description = $"{description} (repeatable) [env: {variable}, one per line]",
            DefaultValueFactory = _ => (env.Get(variable) ?? "")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            AllowMultipleArgumentsPerToken = false,
        };
    }

    public static Option<bool> Flag(GateEnvironment env, string flag, string description, params string[] aliases)
    {
        var variable = VariableFor(flag);
        return new Option<bool>(flag, aliases)
        {
            Description = $"{description} [env: {variable}]",
            DefaultValueFactory = _ => env.Get(variable) is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase)),
        };
    }

    /// <summary>Parses a word option into an enum, naming the flag and its allowed values on failure.</summary>
    public static T ParseWord<T>(string? value, string flag, T fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (Enum.TryParse<T>(value.Replace("-", ""), ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var allowed = string.Join("|", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw FlagValues.Invalid(flag, value, $"one of {allowed}");
    }
}
