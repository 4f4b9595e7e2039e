using Octokit;
using Octokit.Internal;

namespace Gates.GitHub;

/// <summary>
/// Creates Octokit clients. The API root is taken as given (GITHUB_API_URL on GitHub Enterprise Server, or a local
/// test server): <c>new GitHubClient(new Connection(header, baseAddress))</c> does not rewrite the path to /api/v3/
/// the way <c>new GitHubClient(header, baseAddress)</c> does for non-github.com hosts. A given handler (retries,
/// a test server's) carries every request.
/// </summary>
public static class GitHubConnection
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    public static IGitHubClient Create(string token, Uri? apiUrl, string product = "gates", Func<HttpMessageHandler>? handler = null)
    {
        var root = apiUrl ?? PublicApi;
        if (!root.AbsoluteUri.EndsWith('/'))
        {
            root = new Uri(root.AbsoluteUri + "/");
        }

        var header = new ProductHeaderValue(product);
        var credentials = new Credentials(token);
        var connection = handler is null
            ? new Connection(header, root) { Credentials = credentials }
            : new Connection(header, root, new InMemoryCredentialStore(credentials), new HttpClientAdapter(handler), new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
