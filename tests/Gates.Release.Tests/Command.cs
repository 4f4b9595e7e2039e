using System.Diagnostics;

namespace Gates.Release.Tests;

/// <summary>The result of one process run: exit code, standard output, and the command line with both outputs.</summary>
public sealed record CommandResult(int Code, string Stdout, string Output)
{
    public CommandResult ShouldSucceed()
    {
        Code.ShouldBe(0, Output);
        return this;
    }
}

/// <summary>Runs a process to the end with a time limit; environment entries with a null value are removed.</summary>
public static class Command
{
    public static CommandResult Run(string directory, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in env ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} took more than {timeoutSeconds} s");
        }

        return new CommandResult(process.ExitCode, stdout.Result, $"$ {file} {string.Join(' ', start.ArgumentList)}\n{stdout.Result}{stderr.Result}");
    }
}
