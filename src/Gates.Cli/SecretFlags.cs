using System.CommandLine;
using Gates.Core;

namespace Gates.Cli;

/// <summary>
/// Secrets come only from the environment: a token on the command line shows in process lists, shell history and CI
/// logs. A flag that once took a secret stays declared, hidden, only to refuse its value (exit 2) and name the variable.
/// </summary>
public static class SecretFlags
{
    public static Option<string?> Refused(string flag, string variable) => new(flag)
    {
        Hidden = true,
        Description = $"No longer accepted: set {variable}",
    };

    /// <summary>Throws when the refused flag was given on the command line.</summary>
    public static void Reject(ParseResult parse, Option<string?> option, string variable)
    {
        if (parse.GetResult(option) is { Implicit: false })
        {
            throw new GateInputException($"{option.Name} is no longer accepted: a secret on the command line shows in process lists and CI logs; " +
                $"set the environment variable {variable} instead (in CI, from a masked secret)");
        }
    }
}
