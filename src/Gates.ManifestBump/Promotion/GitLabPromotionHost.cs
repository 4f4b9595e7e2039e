using Gates.GitLab;

namespace Gates.ManifestBump.Promotion;

/// <summary>
/// <see cref="IPromotionHost"/> over <see cref="GitLabProject"/>. GitLab's commits API moves the branch itself:
/// a new branch starts at the base commit, an existing one gets the commit on top with each file's last_commit_id
/// as compare-and-set, and a branch behind a moved base is rebuilt on it (the API cannot write merge commits).
/// </summary>
internal sealed class GitLabPromotionHost(GitLabProject project) : IPromotionHost
{
    public string Name => $"GitLab {project.Project}";

    public Task<string?> BranchHeadAsync(string branch, CancellationToken ct) => project.GetBranchHeadAsync(branch, ct);

    public Task<bool> ContainsAsync(string head, string ancestor, CancellationToken ct) => project.ContainsAsync(head, ancestor, ct);

    public async Task<RemoteFile?> ReadFileAsync(string commit, string path, CancellationToken ct) =>
        await project.GetFileAsync(commit, path, ct) is { } file ? new RemoteFile(file.Content, file.LastCommitId) : null;

    public async Task<PushOutcome> PushAsync(PushRequest request, CancellationToken ct)
    {
        var start = request.ExpectedHead is null || request.MergeBase ? request.Base : null;
        var actions = request.Files.Select(f => new GitLabAction(f.Path, f.Content, start is null ? f.Version : null)).ToList();
        return await project.CommitAsync(request.Branch, start, force: request.MergeBase, actions, request.Message, ct)
            ? PushOutcome.Pushed
            : PushOutcome.Moved;
    }

    public async Task<ChangeRequest?> FindOpenAsync(string branch, string baseBranch, CancellationToken ct) =>
        await project.FindOpenMergeRequestAsync(branch, baseBranch, ct) is { } mr ? Map(mr) : null;

    public async Task<ChangeRequest> OpenAsync(ChangeRequestContent content, CancellationToken ct) =>
        Map(await project.OpenMergeRequestAsync(content.Branch, content.Base, content.Title, content.Body, content.Labels, ct));

    public async Task<ChangeRequest> UpdateAsync(ChangeRequest existing, ChangeRequestContent content, CancellationToken ct) =>
        Map(await project.UpdateMergeRequestAsync(existing.Number, content.Title, content.Body, content.Labels, ct));

    private static ChangeRequest Map(MergeRequestInfo mr) => new(mr.Iid, mr.Url, mr.Title, mr.Description);
}
