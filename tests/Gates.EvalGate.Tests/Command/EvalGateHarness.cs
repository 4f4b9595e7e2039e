using Gates.Cli;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.EvalGate.Tests.Command;

/// <summary>Runs eval-gate in-process through the same entry point as the installed tool, with captured streams.</summary>
internal sealed class EvalGateHarness : ToolHarness
{
    public EvalGateHarness()
        : base(EvalGateCommand.Create, EvalGateCommand.Name)
    {
    }

    public static string Sample(string name) => RepositoryPaths.Of("samples", "eval", name);

    public static string Thresholds(string name) => RepositoryPaths.Of("thresholds", name);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", name);
}
