namespace Gates.Core.Text;

/// <summary>Reads the <c>rel="next"</c> URL out of an RFC 8288 <c>Link</c> header.</summary>
public static class LinkHeader
{
    public static string? Next(string header)
    {
        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            var target = pieces[0].Trim();
            if (target.Length > 2 && target[0] == '<' && target[^1] == '>'
                && pieces.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return target[1..^1];
            }
        }

        return null;
    }
}
