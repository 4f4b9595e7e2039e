using Gates.Cli;

namespace Gates.Cli.Tests;

/// <summary>A <see cref="GateEnvironment"/> with captured streams and a chosen set of variables.</summary>
internal static class TestEnvironment
{
    public static (GateEnvironment Env, StringWriter Out, StringWriter Error) Create(string workingDirectory, params (string Key, string Value)[] variables)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var vars = variables.ToDictionary(v => v.Key, v => (string?)v.Value);
        return (new GateEnvironment(stdout, stderr, vars, TimeProvider.System, workingDirectory), stdout, stderr);
    }
}
