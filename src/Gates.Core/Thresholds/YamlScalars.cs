using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>Reads typed scalars from YAML nodes, reporting problems instead of throwing.</summary>
internal static class YamlScalars
{
    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static bool TryNumber(YamlNode node, out double value)
    {
        value = double.NaN;
        if (node is not YamlScalarNode { Value: { } text } scalar || scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryBool(YamlNode node, out bool value)
    {
        value = false;
        return node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out value);
    }

    public static string? Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;
}
