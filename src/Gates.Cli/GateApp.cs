using System.CommandLine;
using Gates.Core;

namespace Gates.Cli;

/// <summary>
/// Runs a tool: parse, invoke, and say what went wrong on stderr. The exit code of an exception is chosen by
/// <see cref="ExitCodes.For(Exception)"/>: <see cref="GateInputException"/> is 2; infrastructure failures,
/// cancellation and bugs are 3.
/// </summary>
public static class GateApp
{
    public static async Task<int> RunAsync(string[] args, RootCommand root, GateEnvironment env, string? toolName = null)
    {
        var parse = root.Parse(args);
        var name = toolName ?? root.Name;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"{name}: error: {error.Message}");
            }

            await env.Error.WriteLineAsync($"Run '{name} --help' for usage.");
            return ExitCodes.UsageError;
        }

        var verbose = args.Contains("--verbose") || args.Contains("-v") || env.Get("RUNNER_DEBUG") == "1";
        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = env.Out, Error = env.Error };
            return await parse.InvokeAsync(config);
        }
        catch (GateInputException e)
        {
            foreach (var problem in e.Problems)
            {
                await env.Error.WriteLineAsync($"{name}: error: {problem}");
            }

            return ExitCodes.For(e);
        }
        catch (OperationCanceledException e)
        {
            await env.Error.WriteLineAsync($"{name}: cancelled");
            return ExitCodes.For(e);
        }
        catch (Exception e)
        {
            var what = e is GateRuntimeException ? "error" : "internal error";
            await env.Error.WriteLineAsync($"{name}: {what}: {e.Message}");
            if (verbose || e is not GateRuntimeException)
            {
                await env.Error.WriteLineAsync(verbose ? e.ToString() : "Run with --verbose for the stack trace.");
            }

            return ExitCodes.For(e);
        }
    }
}
