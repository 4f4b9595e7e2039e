using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gates.Core.Thresholds;

/// <summary>
/// Reads the threshold grammar shared by every tool (docs/thresholds.md). Every problem is collected
/// and thrown at once as a <see cref="GateInputException"/> naming file, line and gate. It takes the bytes, never a
/// path to open: Gates.Cli reads the file.
/// </summary>
public static class ThresholdFileReader
{
    public static ThresholdSet Read(string path, byte[] content, ThresholdReadOptions? options = null)
    {
        options ??= ThresholdReadOptions.Default;
        var problems = new ProblemList(path);
        var root = Parse(content, problems);
        var gates = new List<GateDefinition>();
        var sections = new Dictionary<string, YamlNode>();
        var defaults = GateDefaults.Standard;
        if (root is not null)
        {
            defaults = ReadRoot(root, options, problems, gates, sections);
        }

        problems.ThrowIfAny();
        return new ThresholdSet
        {
            Path = path,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Gates = gates,
            Sections = sections,
            FamilyWise = defaults.FamilyWise,
        };
    }

    /// <summary>
    /// YamlDotNet reports a tab in the indentation at the start of the node it was scanning, often lines above:
    /// the first line from there on whose indentation holds a tab is the one to fix.
    /// </summary>
    private static int? TabIndentedLine(string text, int from)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, from - 1); i < lines.Length; i++)
        {
            var indentation = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indentation.Contains('\t', StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static YamlMappingNode? Parse(byte[] content, ProblemList problems)
    {
        var text = new UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(1, null, "the file is empty; it needs a 'gates:' section");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentedLine(text, (int)e.Start.Line) is { } tabLine)
            {
                problems.Add(tabLine, null, $"invalid YAML: a tab is used for indentation; YAML indents with spaces only ({message})");
                return null;
            }

            problems.Add((int)e.Start.Line, null, $"invalid YAML: {message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            problems.Add(1, null, "the top level must be a mapping with a 'gates:' section");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(YamlScalars.Line(stream.Documents[1].RootNode), null, "only one YAML document is allowed");
        }

        return mapping;
    }

    private static GateDefaults ReadRoot(YamlMappingNode root, ThresholdReadOptions options, ProblemList problems,
        List<GateDefinition> gates, Dictionary<string, YamlNode> sections)
    {
        YamlMappingNode? gatesNode = null;
        var defaults = GateDefaults.Standard;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlScalars.Text(keyNode) ?? "";
            switch (key)
            {
                case "gates" when value is YamlMappingNode mapping:
                    gatesNode = mapping;
                    break;
                case "gates":
                    problems.Add(YamlScalars.Line(value), null, "'gates' must be a mapping of gate name to gate");
                    return defaults;
                case "defaults":
                    defaults = GateDefaults.Read(value, problems);
                    break;
                default:
                    if (options.Sections.Contains(key))
                    {
                        sections[key] = value;
                    }
                    else
                    {
                        var allowed = string.Join(", ", new[] { "gates", "defaults" }.Concat(options.Sections).Select(s => $"'{s}'"));
                        problems.Add(YamlScalars.Line(keyNode), null, $"unknown top-level key '{key}' (allowed: {allowed})");
                    }

                    break;
            }
        }

        if (gatesNode is null || gatesNode.Children.Count == 0)
        {
            problems.Add(gatesNode is null ? 1 : YamlScalars.Line(gatesNode), null, "no gates defined: an empty gate set would pass anything");
            return defaults;
        }

        foreach (var (nameNode, gateNode) in gatesNode.Children)
        {
            var gate = GateParser.Parse(YamlScalars.Text(nameNode) ?? "", nameNode, gateNode, defaults, options, problems);
            if (gate is not null)
            {
                gates.Add(gate);
            }
        }

        return defaults;
    }
}
