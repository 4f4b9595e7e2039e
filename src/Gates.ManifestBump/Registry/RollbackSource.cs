using System.Text.Json.Nodes;
using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.ManifestBump.Registry;

/// <summary>
/// Reads the promotion to undo from the gate report a <c>promote-alias</c> run wrote (<c>--report-json</c>):
/// <c>details["manifest-bump"].registry</c> gives the model, the alias, and the versions before and after.
/// </summary>
internal static class RollbackSource
{
    public sealed record Promotion(string Registry, string Model, string Alias, string? Before, string After);

    public static Promotion Read(string path)
    {
        var content = InputFiles.ReadAll(path, "report file");
        JsonNode? registry;
        try
        {
            registry = JsonNode.Parse(content.Utf8().Span)?["details"]?[ManifestBumpCommand.Name]?["registry"];
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new GateInputException($"{path}: not a gate report: {e.Message}");
        }

        string? Text(string key) => registry?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var outcome = registry?.Parent?["outcome"]?.ToString();
        if (registry is null || Text("model") is not { } model || Text("alias") is not { } alias || Text("after") is not { } after)
        {
            throw new GateInputException($"{path}: no registry promotion in it (details.{ManifestBumpCommand.Name}.registry with model, alias and after); give the report a promote-alias run wrote");
        }

        if (outcome != "changed")
        {
            throw new GateInputException($"{path}: that promotion's outcome was '{outcome}', not 'changed'; there is nothing to roll back");
        }

        return new Promotion(Text("kind") ?? "mlflow", model, alias, Text("before"), after);
    }
}
