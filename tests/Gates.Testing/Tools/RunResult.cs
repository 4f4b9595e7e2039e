using Shouldly;

namespace Gates.Testing.Tools;

/// <summary>How a tool run ended: its exit code and everything it wrote to stdout and stderr.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Asserts the exit code, showing both streams when it differs.</summary>
    public RunResult ShouldExit(int expected)
    {
        ExitCode.ShouldBe(expected, ToString());
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
