using Gates.GitHub;

namespace Gates.ManifestBump.Promotion;

/// <summary><see cref="IPromotionHost"/> over <see cref="GitHubRepository"/> (Octokit, Git Data API).</summary>
internal sealed class GitHubPromotionHost(GitHubRepository repo) : IPromotionHost
{
    public string Name => $"GitHub {repo.FullName}";

    public Task<string?> BranchHeadAsync(string branch, CancellationToken ct) => repo.GetBranchHeadAsync(branch);

    public Task<bool> ContainsAsync(string head, string ancestor, CancellationToken ct) => repo.ContainsAsync(head, ancestor);

    public async Task<RemoteFile?> ReadFileAsync(string commit, string path, CancellationToken ct) =>
        await repo.GetFileAsync(commit, path) is { } bytes ? new RemoteFile(bytes, null) : null;

    public async Task<PushOutcome> PushAsync(PushRequest request, CancellationToken ct)
    {
        var treeFrom = request.ExpectedHead is { } head && !request.MergeBase ? head : request.Base;
        IReadOnlyList<string> parents = request.ExpectedHead is null ? [request.Base]
            : request.MergeBase ? [request.ExpectedHead, request.Base] : [request.ExpectedHead];
        var sha = await repo.CreateCommitAsync(treeFrom, parents, [.. request.Files.Select(f => new GitFile(f.Path, f.Content))], request.Message);
        var moved = request.ExpectedHead is null
            ? await repo.CreateBranchAsync(request.Branch, sha)
            : await repo.FastForwardAsync(request.Branch, sha);
        return moved ? PushOutcome.Pushed : PushOutcome.Moved;
    }

    public async Task<ChangeRequest?> FindOpenAsync(string branch, string baseBranch, CancellationToken ct) =>
        await repo.FindOpenPullRequestAsync(branch, baseBranch) is { } pr ? Map(pr) : null;

    public async Task<ChangeRequest> OpenAsync(ChangeRequestContent content, CancellationToken ct) =>
        Map(await repo.OpenPullRequestAsync(content.Branch, content.Base, content.Title, content.Body, content.Labels));

    public async Task<ChangeRequest> UpdateAsync(ChangeRequest existing, ChangeRequestContent content, CancellationToken ct) =>
        Map(await repo.UpdatePullRequestAsync(existing.Number, content.Title, content.Body, content.Labels));

    private static ChangeRequest Map(PullRequestInfo pr) => new(pr.Number, pr.Url, pr.Title, pr.Body);
}
