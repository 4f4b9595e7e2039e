using Gates.Cli;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.DriftCheck.Tests.Command;

/// <summary>Runs drift-check in-process through the same entry point as the installed tool, with captured streams.</summary>
internal sealed class DriftCheckHarness : ToolHarness
{
    public DriftCheckHarness()
        : base(DriftCheckCommand.Create, DriftCheckCommand.Name)
    {
        Variables["GATES_CI"] = "none";
    }

    public static string Sample(string name) => RepositoryPaths.Of("samples", "drift", name);
}
