namespace Gates.Actions.Tests.DocsExamples;

/// <summary>
/// One command of a shell block in the docs: the Gates tool it runs (null for any other program), its arguments,
/// the folder it runs in (relative to the repository, after the block's <c>cd</c> lines), the exit code the page
/// gives in its trailing comment (<c># 4, INCONCLUSIVE</c>; 0 when it gives none), and what the block needs that a
/// test machine does not have (from <c>&lt;!-- example: needs … --&gt;</c> before the block), if anything.
/// </summary>
public sealed record DocCommand(string Where, string Text, string? Tool, IReadOnlyList<string> Args, string Folder, int ExpectedExit, string? Needs)
{
    /// <summary>Flags whose value is a file the tool writes.</summary>
    private static readonly HashSet<string> OutputFlags =
        ["--report-json", "--output", "-o", "--markdown", "--html", "--drift-json", "--save-profile", "--save-results", "--requests-log"];

    /// <summary>The files the command says it writes (gate-report's <c>--evidence</c> too; manifest-bump reads its own).</summary>
    public IEnumerable<string> WrittenFiles()
    {
        for (var i = 0; i + 1 < Args.Count; i++)
        {
            if (OutputFlags.Contains(Args[i]) || (Tool == "gate-report" && Args[i] == "--evidence"))
            {
                yield return Args[i + 1];
            }
        }
    }

    public override string ToString() => $"{Where}: {Text}";
}
