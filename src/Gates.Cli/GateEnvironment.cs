using System.Collections.Concurrent;

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

    private readonly ConcurrentDictionary<string, string> given = new(StringComparer.Ordinal);

    /// <summary>
    /// Resolves a path given on the command line against the working directory, and remembers how it was given
    /// (<see cref="AsGiven"/>).
    /// </summary>
    public string Resolve(string path)
    {
        var full = Path.GetFullPath(path, WorkingDirectory);
        given.TryAdd(full, path);
        return full;
    }

    /// <summary>
    /// The path as the user gave it for a path <see cref="Resolve"/> made full, so reports do not leak the runner's
    /// folders; any other path unchanged.
    /// </summary>
    public string AsGiven(string path) => given.TryGetValue(path, out var text) ? text : path;
}
