namespace Gates.Cli.Comments;

/// <summary>
/// Builds a comment body that fits the platform's limit (counted in UTF-16 code units, the safe reading of
/// GitHub's 65,536): the full Markdown when it fits; else the summary without the collapsed details and a note
/// pointing to the run; else that summary cut at a line break, with the same note. The marker always ends it.
/// </summary>
public static class CommentBody
{
    public static string Build(Func<bool, string> markdown, string marker, int maxLength, string? runUrl)
    {
        var link = RunLink.Markdown(runUrl, "the run's summary");
        var footer = link is null ? "" : $"\n<sub>Details: {RunLink.Markdown(runUrl, "this run")}</sub>\n";
        var full = Compose(markdown(true), footer, marker);
        if (full.Length <= maxLength)
        {
            return full;
        }

        var note = $"\n> Details were left out to keep this comment under the {maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}-character limit; see {link ?? "the run's summary"}.\n";
        var brief = markdown(false);
        var candidate = Compose(brief, note, marker);
        if (candidate.Length <= maxLength)
        {
            return candidate;
        }

        var room = maxLength - Compose("", note, marker).Length;
        return Compose(CutAtLine(brief, room), note, marker);
    }

    private static string Compose(string markdown, string tail, string marker) =>
        markdown.TrimEnd('\n') + "\n" + tail + "\n" + marker;

    /// <summary>The longest prefix of whole lines within <paramref name="room"/> characters.</summary>
    private static string CutAtLine(string text, int room)
    {
        if (room <= 0)
        {
            return "";
        }

        if (text.Length <= room)
        {
            return text;
        }

        var cut = text.LastIndexOf('\n', room - 1);
        return cut <= 0 ? "" : text[..cut];
    }
}
