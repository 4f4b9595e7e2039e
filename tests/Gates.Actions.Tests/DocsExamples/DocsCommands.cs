using System.Text.RegularExpressions;
using Gates.Testing;

namespace Gates.Actions.Tests.DocsExamples;

/// <summary>
/// The commands of the <c>```sh</c>, <c>```bash</c> and <c>```console</c> blocks of docs/ and the README, in
/// page order, one block per list. A Gates tool is recognised by its command name (or a path ending in it),
/// <c>dotnet run --project src/Gates.X --</c> and <c>dnx Gates.X@V … --</c>; <c>cd DIR</c> moves the later
/// commands of the block. A block that needs something a test machine does not have is marked just before it with
/// <c>&lt;!-- example: needs cluster|forge|server|network --&gt;</c>.
/// </summary>
public static partial class DocsCommands
{
    public static readonly IReadOnlySet<string> Needs = new HashSet<string> { "cluster", "forge", "server", "network" };

    [GeneratedRegex(@"^(?<indent>[ ]*)```(?<info>[A-Za-z]*)[^\n]*\n(?<body>.*?)^\k<indent>```[ ]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!--\s*example:\s*needs\s+(?<what>[a-z-]+)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(\./)?(eval-gate|latency-bench|drift-check|canary-validate|manifest-bump|gate-report)(\s|$)", RegexOptions.Multiline)]
    private static partial Regex ToolLine();

    [GeneratedRegex(@"^(?<n>[0-9])\b")]
    private static partial Regex ExitComment();

    public static IReadOnlyList<IReadOnlyList<DocCommand>> Blocks() =>
        Fences().Where(f => f.Info is "sh" or "bash" or "console").Select(f => Commands(f.Where, f.Body, f.Needs)).ToList();

    /// <summary>Fences with no language whose lines start with a Gates tool: examples the collector would miss.</summary>
    public static IEnumerable<string> UnlabelledToolBlocks() =>
        Fences().Where(f => f.Info == "" && ToolLine().IsMatch(f.Body)).Select(f => f.Where);

    private static IEnumerable<(string Where, string Info, string Body, string? Needs)> Fences()
    {
        foreach (var page in DocsYaml.Pages())
        {
            var text = File.ReadAllText(page).Replace("\r\n", "\n");
            foreach (Match m in Fence().Matches(text))
            {
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                var before = text[..m.Index].TrimEnd();
                var marker = Marker().Match(before);
                var where = $"{Path.GetRelativePath(RepositoryPaths.Root, page)}:{line}";
                if (marker.Success && !Needs.Contains(marker.Groups["what"].Value))
                {
                    throw new InvalidOperationException($"{where}: unknown marker 'needs {marker.Groups["what"].Value}' (use one of {string.Join(", ", Needs)})");
                }

                yield return (where, m.Groups["info"].Value, m.Groups["body"].Value, marker.Success ? marker.Groups["what"].Value : null);
            }
        }
    }

    private static List<DocCommand> Commands(string where, string body, string? needs)
    {
        var commands = new List<DocCommand>();
        var folder = ".";
        foreach (var text in Lines(body))
        {
            var (words, comment) = ShellWords.Split(text);
            if (words.Count == 0)
            {
                continue;
            }

            if (words[0] == "cd" && words.Count == 2)
            {
                folder = Path.Join(folder, words[1]);
                continue;
            }

            var (tool, args) = Tool(words);
            var exit = comment is not null && ExitComment().Match(comment) is { Success: true } e ? int.Parse(e.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            commands.Add(new DocCommand(where, text, tool, args, folder, exit, needs));
        }

        return commands;
    }

    /// <summary>Lines of a block with backslash continuations joined and a console prompt removed.</summary>
    private static IEnumerable<string> Lines(string body)
    {
        var pending = "";
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.StartsWith("$ ", StringComparison.Ordinal) ? raw[2..] : raw;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            yield return pending + line;
            pending = "";
        }
    }

    private static (string? Tool, IReadOnlyList<string> Args) Tool(IReadOnlyList<string> words)
    {
        var byCommand = GateTool.All.FirstOrDefault(t => words[0] == t.Command || words[0].EndsWith("/" + t.Command, StringComparison.Ordinal));
        if (byCommand is not null)
        {
            return (byCommand.Command, words.Skip(1).ToList());
        }

        var separator = words.ToList().IndexOf("--");
        if (separator < 0)
        {
            return (null, []);
        }

        var head = words.Take(separator).ToList();
        var package = head is ["dotnet", "run", "--project", var project, ..] ? Path.GetFileName(project.TrimEnd('/'))
            : head is ["dnx", var spec, ..] ? spec.Split('@')[0]
            : null;
        var tool = GateTool.All.FirstOrDefault(t => t.Package == package);
        return tool is null ? (null, []) : (tool.Command, words.Skip(separator + 1).ToList());
    }
}
