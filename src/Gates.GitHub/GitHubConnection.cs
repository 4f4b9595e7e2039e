using Octokit;

namespace Gates.GitHub;

/// <summary>
/// Creates Octokit clients. The API root is taken as given (GITHUB_API_URL on GitHub Enterprise Server, or a local
/// test server): <c>new GitHubClient(new Connection(header, baseAddress))</c> does not rewrite the path to /api/v3/
/// the way <c>new GitHubClient(header, baseAddress)</c> does for non-github.com hosts.
/// </summary>
public static class GitHubConnection
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    public static IGitHubClient Create(string token, Uri? apiUrl, string product = "gates")
    {
        var root = apiUrl ?? PublicApi;
        if (!root.AbsoluteUri.EndsWith('/'))
        {
            root = new Uri(root.AbsoluteUri + "/");
        }

        var connection = new Connection(new ProductHeaderValue(product), root)
        {
            Credentials = new Credentials(token),
        };
        return new GitHubClient(connection);
    }
}
