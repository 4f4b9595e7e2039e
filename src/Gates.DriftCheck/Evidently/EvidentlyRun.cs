using Gates.Cli.Inputs;
using Gates.Core;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Evidently;

/// <summary>The Evidently config's part of a run: read it (unsupported parts warn, or fail with --strict), then its tests.</summary>
internal static class EvidentlyRun
{
    public static (EvidentlyConfig? Config, IReadOnlyList<string> Warnings) Read(string? path, bool strict)
    {
        if (path is null)
        {
            return (null, []);
        }

        var file = InputFiles.ReadAll(path, "Evidently config");
        var config = EvidentlyConfigReader.Read(path, file.Text(), file.Sha256);
        if (config.Unsupported.Count == 0)
        {
            return (config, []);
        }

        var message = $"{path}: drift-check does not run these parts of the Evidently config: {string.Join("; ", config.Unsupported)}";
        return strict ? throw new GateInputException(message + " (--strict)") : (config, [message + " (they are skipped; --strict makes this an error)"]);
    }

    public static string ShapedJson(EvidentlyConfig config, DriftResult result, IReadOnlyList<EvidentlyTestResult> tests) =>
        EvidentlyJson.For(config, result, tests).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
}
