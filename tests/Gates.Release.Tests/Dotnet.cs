namespace Gates.Release.Tests;

/// <summary>The dotnet CLI without build servers (none is left running after a test) and without telemetry.</summary>
public static class Dotnet
{
    public static CommandResult Run(string directory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["UseSharedCompilation"] = "false",
        };
        foreach (var (name, value) in env ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }

        return Command.Run(directory, "dotnet", args, all);
    }
}
