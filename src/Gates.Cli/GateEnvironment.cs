namespace Gates.Cli;

/// <summary>Everything a run touches outside its inputs: streams, environment snapshot, clock, working folder.</summary>
public sealed record GateEnvironment(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string?> Variables,
    TimeProvider Time,
    string WorkingDirectory)
{
    public static GateEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        TimeProvider.System,
        Directory.GetCurrentDirectory());

    public string? Get(string name) => Variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Resolves a path given on the command line against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
