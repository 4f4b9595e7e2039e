using System.CommandLine;
using Gates.Cli;

namespace Gates.ManifestBump;

/// <summary>Declares manifest-bump's options and binds them; the work is done by ManifestBumpRun.</summary>
internal static class ManifestBumpCommand
{
    public static RootCommand Create(GateEnvironment env)
    {
        var root = new RootCommand("manifest-bump: pin a promoted model version into GitOps manifests.");
        new CommonOptions(env).AddTo(root);
        return root;
    }
}
