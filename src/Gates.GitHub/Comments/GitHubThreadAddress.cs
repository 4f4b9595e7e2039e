namespace Gates.GitHub.Comments;

/// <summary>
/// Where the comments live: the REST base (<c>GITHUB_API_URL</c>, which is <c>https://HOST/api/v3</c> on GitHub
/// Enterprise Server), the repository (<c>owner/name</c>) and the pull-request number.
/// </summary>
public sealed record GitHubThreadAddress(Uri ApiUrl, string Owner, string Repository, int Number)
{
    public static GitHubThreadAddress Parse(string apiUrl, string ownerSlashName, int number)
    {
        var parts = ownerSlashName.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{ownerSlashName}' is not owner/name", nameof(ownerSlashName));
        }

        if (!Uri.TryCreate(apiUrl.TrimEnd('/') + "/", UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{apiUrl}' is not an http(s) URL", nameof(apiUrl));
        }

        return new GitHubThreadAddress(api, parts[0], parts[1], number);
    }

    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
