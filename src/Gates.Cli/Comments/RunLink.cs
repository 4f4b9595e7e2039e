namespace Gates.Cli.Comments;

/// <summary>Markdown links to a CI run; the URL comes from the environment, so only http(s) URLs are linked.</summary>
public static class RunLink
{
    /// <summary>"[text](url)" with the URL percent-encoded so it cannot break out of the link, or null.</summary>
    public static string? Markdown(string? url, string text)
    {
        if (Safe(url) is not { } safe)
        {
            return null;
        }

        return $"[{text}]({safe})";
    }

    /// <summary>The URL in a form safe inside Markdown link syntax, or null when it is not an absolute http(s) URL.</summary>
    public static string? Safe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
    }
}
