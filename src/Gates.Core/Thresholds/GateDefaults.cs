using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>The optional top-level <c>defaults:</c> section, applied to every gate that does not say otherwise.</summary>
internal sealed record GateDefaults(DecisionMode Decision, double Confidence, bool Required)
{
    public static readonly GateDefaults Standard = new(DecisionMode.Point, 0.95, true);

    /// <summary>Family-wise control over the confident gates (<c>family_wise: holm</c>); none by default.</summary>
    public FamilyWiseControl FamilyWise { get; init; }

    public static GateDefaults Read(YamlNode node, ProblemList problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(YamlScalars.Line(node), null, "'defaults' must be a mapping");
            return Standard;
        }

        var result = Standard;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = YamlScalars.Text(keyNode);
            switch (key)
            {
                case "decision":
                    result = result with { Decision = GateParser.ReadDecision(value, null, problems) ?? result.Decision };
                    break;
                case "confidence":
                    result = result with { Confidence = GateParser.ReadConfidence(value, null, problems) ?? result.Confidence };
                    break;
                case "required":
                    if (YamlScalars.TryBool(value, out var required))
                    {
                        result = result with { Required = required };
                    }
                    else
                    {
                        problems.Add(YamlScalars.Line(value), null, "defaults.required must be true or false");
                    }

                    break;
                case "family_wise":
                    switch (YamlScalars.Text(value))
                    {
                        case "holm":
                            result = result with { FamilyWise = FamilyWiseControl.Holm };
                            break;
                        case "none":
                            result = result with { FamilyWise = FamilyWiseControl.None };
                            break;
                        default:
                            problems.Add(YamlScalars.Line(value), null, $"defaults.family_wise '{YamlScalars.Text(value)}' is not one of holm, none");
                            break;
                    }

                    break;
                default:
                    problems.Add(YamlScalars.Line(keyNode), null, $"unknown key 'defaults.{key}' (allowed: decision, confidence, required, family_wise)");
                    break;
            }
        }

        return result;
    }
}
