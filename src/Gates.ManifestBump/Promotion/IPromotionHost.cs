namespace Gates.ManifestBump.Promotion;

/// <summary>A file read from a commit, with the host's version token for compare-and-set (GitLab's last_commit_id).</summary>
public sealed record RemoteFile(byte[] Content, string? Version);

/// <summary>A commit to put on a branch without force.</summary>
/// <param name="ExpectedHead">The branch head the commit was built on; null creates the branch.</param>
/// <param name="Base">The base branch head; when it is not already in the branch it becomes a second parent.</param>
public sealed record PushRequest(string Branch, string? ExpectedHead, string Base, bool MergeBase, IReadOnlyList<ChangedFile> Files, string Message);

public sealed record ChangedFile(string Path, byte[] Content, string? Version);

public enum PushOutcome
{
    Pushed,
    /// <summary>The branch moved (or appeared) since it was read: read again and re-apply.</summary>
    Moved,
}

public sealed record ChangeRequest(int Number, string Url, string Title, string Body);

public sealed record ChangeRequestContent(string Branch, string Base, string Title, string Body, IReadOnlyList<string> Labels);

/// <summary>What manifest-bump needs from GitHub or GitLab; adapters in Gates.ManifestBump wrap the two clients.</summary>
public interface IPromotionHost
{
    /// <summary>"GitHub owner/repo" or "GitLab group/project", for messages.</summary>
    string Name { get; }

    Task<string?> BranchHeadAsync(string branch, CancellationToken ct);

    /// <summary>True when <paramref name="ancestor"/> is already part of <paramref name="head"/>'s history.</summary>
    Task<bool> ContainsAsync(string head, string ancestor, CancellationToken ct);

    Task<RemoteFile?> ReadFileAsync(string commit, string path, CancellationToken ct);

    Task<PushOutcome> PushAsync(PushRequest request, CancellationToken ct);

    Task<ChangeRequest?> FindOpenAsync(string branch, string baseBranch, CancellationToken ct);

    /// <summary>Opens a pull/merge request; if the host says one already exists, finds and updates it instead.</summary>
    Task<ChangeRequest> OpenAsync(ChangeRequestContent content, CancellationToken ct);

    Task<ChangeRequest> UpdateAsync(ChangeRequest existing, ChangeRequestContent content, CancellationToken ct);
}
