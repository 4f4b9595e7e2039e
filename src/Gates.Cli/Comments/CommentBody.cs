namespace Gates.Cli.Comments;

/// <summary>
/// Builds a comment body that fits the platform's limit, counted in UTF-16 code units (C#'s string length): the
/// full Markdown when it fits; else the summary without the collapsed details and a note pointing to the run; else
/// that summary cut at a line break (so no character, emoji included, is split) and outside any fenced block (a
/// chart is dropped whole, never left open), with a note that says it was truncated. The marker always ends it. GitHub answers "maximum is 65536 characters" and has been measured to
/// accept 65,536 astral emoji (262,144 UTF-8 bytes); GitLab's note limit is 1,000,000 characters. A count of
/// UTF-16 code units is never below the count of characters (code points), and 4 UTF-8 bytes per character at
/// most keep 65,536 characters within 262,144 bytes, so a body within the limit here is within it on both.
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

        var truncated = $"\n> **Truncated:** this comment was cut to stay under the {maxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}-character limit; see {link ?? "the run's summary"} for the whole report.\n";
        var room = maxLength - Compose("", truncated, marker).Length;
        return Compose(CutAtLine(brief, room), truncated, marker);
    }

    private static string Compose(string markdown, string tail, string marker) =>
        markdown.TrimEnd('\n') + "\n" + tail + "\n" + marker;

    /// <summary>
    /// The longest prefix of whole lines within <paramref name="room"/> characters that does not end inside a fenced
    /// code block (a chart): a cut inside one goes back to before its opening fence, so the block is dropped whole
    /// and no open fence swallows the note and the marker.
    /// </summary>
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
        if (cut <= 0)
        {
            return "";
        }

        var kept = text[..cut];
        return OpenFenceStart(kept) is { } fence ? kept[..fence].TrimEnd('\n') : kept;
    }

    /// <summary>Where the fence still open at the end of <paramref name="text"/> starts (its line), or null.</summary>
    private static int? OpenFenceStart(string text)
    {
        int? open = null;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text[start..] : text[start..end];
            if (line.TrimStart(' ').StartsWith("```", StringComparison.Ordinal))
            {
                open = open is null ? start : null;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return open;
    }
}
