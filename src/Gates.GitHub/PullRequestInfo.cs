namespace Gates.GitHub;

/// <summary>The parts of a pull request manifest-bump reads and writes.</summary>
public sealed record PullRequestInfo(int Number, string Url, string Title, string Body);

/// <summary>A file to write in a commit made through the Git Data API.</summary>
public sealed record GitFile(string Path, byte[] Content);
