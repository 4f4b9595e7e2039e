using System.Reflection;
using Gates.Core.Thresholds;

namespace Gates.Actions.Tests;

/// <summary>
/// The threshold-reading options of the tool a threshold file belongs to, recognised by the tool's own top-level
/// sections (DESIGN.md: tools add sections and gate keys to the shared grammar). The options are the tool's own,
/// read from its assembly, so a file is checked exactly as its tool reads it; any other file is read with the
/// shared grammar, its extra top-level sections allowed.
/// </summary>
public static class ToolThresholdOptions
{
    private static readonly (string[] Sections, string Assembly, string Type, string Field)[] Tools =
    [
        (["analysis", "prometheus"], "canary-validate", "Gates.CanaryValidate.Config.CanaryConfigReader", "Options"),
        (["drift", "columns"], "drift-check", "Gates.DriftCheck.Config.DriftSettingsReader", "ReadOptions"),
    ];

    public static ThresholdReadOptions For(IReadOnlySet<string> sections)
    {
        foreach (var (toolSections, assembly, type, field) in Tools)
        {
            if (toolSections.Any(sections.Contains))
            {
                var options = Assembly.Load(assembly).GetType(type, throwOnError: true)!
                    .GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
                return options as ThresholdReadOptions
                    ?? throw new InvalidOperationException($"{type}.{field} is not the tool's ThresholdReadOptions any more; update {nameof(ToolThresholdOptions)}");
            }
        }

        return new ThresholdReadOptions { Sections = sections.ToHashSet() };
    }
}
