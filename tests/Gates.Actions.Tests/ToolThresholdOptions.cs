using Gates.CanaryValidate.Config;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Config;

namespace Gates.Actions.Tests;

/// <summary>
/// The threshold-reading options of the tool a threshold file belongs to, recognised by the tool's own top-level
/// sections (DESIGN.md: tools add sections and gate keys to the shared grammar), so a file is checked exactly as
/// its tool reads it; any other file is read with the shared grammar, its extra top-level sections allowed.
/// </summary>
public static class ToolThresholdOptions
{
    private static readonly (string[] Sections, ThresholdReadOptions Options)[] Tools =
    [
        (["analysis", "prometheus"], CanaryConfigReader.Options),
        (["drift", "columns"], DriftSettingsReader.ReadOptions),
    ];

    public static ThresholdReadOptions For(IReadOnlySet<string> sections)
    {
        foreach (var (toolSections, options) in Tools)
        {
            if (toolSections.Any(sections.Contains))
            {
                return options;
            }
        }

        // Files of no other tool are eval-gate's, which adds the per_item gate key (docs/eval-gate.md).
        return new ThresholdReadOptions { Sections = sections.ToHashSet(), GateKeys = new HashSet<string> { "per_item" } };
    }
}
