using System.Diagnostics;
using Gates.Core;

namespace Gates.ManifestBump.Promotion;

/// <summary>The few git commands local mode needs, run with the git CLI.</summary>
internal static class GitCli
{
    /// <summary>Commits exactly <paramref name="paths"/> (nothing else that is staged) with <paramref name="message"/>.</summary>
    public static string Commit(string root, IReadOnlyList<string> paths, string message)
    {
        Run(root, null, ["add", "--", .. paths]);
        var identity = Run(root, null, ["config", "user.email"], allowFailure: true).Trim().Length > 0
            ? Array.Empty<string>()
            : ["-c", $"user.name={ManifestBumpCommand.Name}", "-c", $"user.email={ManifestBumpCommand.Name}@users.noreply.github.com"];
        Run(root, message, [.. identity, "commit", "--quiet", "-F", "-", "--", .. paths]);
        return Run(root, null, ["rev-parse", "HEAD"]).Trim();
    }

    public static string Run(string root, string? input, IReadOnlyList<string> args, bool allowFailure = false)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(root);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GateRuntimeException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GateRuntimeException($"--commit needs git on PATH: {e.Message}", e);
        }

        using (process)
        {
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && !allowFailure)
            {
                throw new GateInputException($"git {string.Join(' ', args.Where(a => !a.StartsWith("user.", StringComparison.Ordinal)))} in {root} failed: {error.Result.Trim()}");
            }

            return output;
        }
    }
}
