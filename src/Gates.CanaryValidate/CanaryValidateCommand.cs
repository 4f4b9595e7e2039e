using System.CommandLine;
using Gates.Cli;
using Gates.Core;

namespace Gates.CanaryValidate;

/// <summary>Declares canary-validate's options (work in progress: the command is not wired yet).</summary>
internal static class CanaryValidateCommand
{
    public static RootCommand Create(GateEnvironment env)
    {
        var root = new RootCommand("canary-validate: sequential canary analysis (not wired yet).");
        root.SetAction(Task<int> (_, _) => throw new GateInputException("canary-validate: the command line is not wired yet in this build"));
        return root;
    }
}
