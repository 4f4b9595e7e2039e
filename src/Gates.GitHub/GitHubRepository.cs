using Gates.Core;
using Octokit;

namespace Gates.GitHub;

/// <summary>
/// One GitHub repository as manifest-bump uses it: branch heads, files at a commit, commits made with the Git Data
/// API (blobs, tree, commit, ref), refs moved without force, and pull requests.
/// </summary>
public sealed class GitHubRepository(IGitHubClient client, string owner, string name)
{
    public string FullName => $"{owner}/{name}";

    public static (string Owner, string Name) ParseFullName(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? (parts[0], parts[1])
            : throw new GateInputException($"--github '{text}': expected OWNER/REPO");
    }

    public Task<string?> GetBranchHeadAsync(string branch) => GitHubErrors.Call($"read branch {branch}", async () =>
    {
        try
        {
            return (await client.Git.Reference.Get(owner, name, $"heads/{branch}")).Object.Sha;
        }
        catch (NotFoundException)
        {
            return null;
        }
    });

    /// <summary>True when <paramref name="ancestor"/> is in the history of <paramref name="head"/> (compare says ahead or identical).</summary>
    public Task<bool> ContainsAsync(string head, string ancestor) => GitHubErrors.Call("compare commits", async () =>
    {
        var compare = await client.Repository.Commit.Compare(owner, name, ancestor, head);
        return compare.Status is "ahead" or "identical";
    });

    public Task<byte[]?> GetFileAsync(string commit, string path) => GitHubErrors.Call($"read {path}", async () =>
    {
        try
        {
            return await client.Repository.Content.GetRawContentByRef(owner, name, path, commit);
        }
        catch (NotFoundException)
        {
            return null;
        }
    });

    /// <summary>Blobs, then a tree on top of <paramref name="treeFrom"/>'s tree, then a commit with the given parents.</summary>
    public Task<string> CreateCommitAsync(string treeFrom, IReadOnlyList<string> parents, IReadOnlyList<GitFile> files, string message) =>
        GitHubErrors.Call("create commit", async () =>
        {
            var baseCommit = await client.Git.Commit.Get(owner, name, treeFrom);
            var tree = new NewTree { BaseTree = baseCommit.Tree.Sha };
            foreach (var file in files)
            {
                var blob = await client.Git.Blob.Create(owner, name, new NewBlob { Content = Convert.ToBase64String(file.Content), Encoding = EncodingType.Base64 });
                tree.Tree.Add(new NewTreeItem { Path = file.Path, Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
            }

            var newTree = await client.Git.Tree.Create(owner, name, tree);
            var commit = await client.Git.Commit.Create(owner, name, new NewCommit(message, newTree.Sha, parents));
            return commit.Sha;
        });

    /// <summary>Creates the branch; false when it already exists (another run was first).</summary>
    public Task<bool> CreateBranchAsync(string branch, string sha) => GitHubErrors.Call($"create branch {branch}", async () =>
    {
        try
        {
            await client.Git.Reference.Create(owner, name, new NewReference($"refs/heads/{branch}", sha));
            return true;
        }
        catch (ApiValidationException e) when (GitHubErrors.Says(e, "already exists"))
        {
            return false;
        }
    });

    /// <summary>Moves the branch to <paramref name="sha"/> without force; false when that is not a fast-forward.</summary>
    public Task<bool> FastForwardAsync(string branch, string sha) => GitHubErrors.Call($"update branch {branch}", async () =>
    {
        try
        {
            await client.Git.Reference.Update(owner, name, $"heads/{branch}", new ReferenceUpdate(sha, force: false));
            return true;
        }
        catch (ApiValidationException e) when (GitHubErrors.Says(e, "fast forward") || GitHubErrors.Says(e, "does not exist"))
        {
            return false;
        }
    });

    public Task<PullRequestInfo?> FindOpenPullRequestAsync(string branch, string baseBranch) => GitHubErrors.Call("list pull requests", async () =>
    {
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{owner}:{branch}", Base = baseBranch };
        var open = await client.PullRequest.GetAllForRepository(owner, name, request);
        var mine = open.Where(p => p.Head?.Ref == branch).OrderBy(p => p.Number).FirstOrDefault();
        return mine is null ? null : Info(mine);
    });

    /// <summary>Opens a pull request; on GitHub's 422 "A pull request already exists" the open one is updated instead.</summary>
    public async Task<PullRequestInfo> OpenPullRequestAsync(string branch, string baseBranch, string title, string body, IReadOnlyList<string> labels)
    {
        var created = await GitHubErrors.Call("open pull request", async () =>
        {
            try
            {
                return Info(await client.PullRequest.Create(owner, name, new NewPullRequest(title, branch, baseBranch) { Body = body }));
            }
            catch (ApiValidationException e) when (GitHubErrors.Says(e, "pull request already exists"))
            {
                return null;
            }
        });
        if (created is null)
        {
            var existing = await FindOpenPullRequestAsync(branch, baseBranch)
                ?? throw new GateRuntimeException($"GitHub said a pull request for {branch} exists but none is open");
            return await UpdatePullRequestAsync(existing.Number, title, body, labels);
        }

        await AddLabelsAsync(created.Number, labels);
        return created;
    }

    public async Task<PullRequestInfo> UpdatePullRequestAsync(int number, string title, string body, IReadOnlyList<string> labels)
    {
        var updated = await GitHubErrors.Call("update pull request", async () =>
            Info(await client.PullRequest.Update(owner, name, number, new PullRequestUpdate { Title = title, Body = body })));
        await AddLabelsAsync(number, labels);
        return updated;
    }

    private Task AddLabelsAsync(int number, IReadOnlyList<string> labels) => labels.Count == 0
        ? Task.CompletedTask
        : GitHubErrors.Call("add labels", () => client.Issue.Labels.AddToIssue(owner, name, number, [.. labels]));

    private static PullRequestInfo Info(PullRequest pr) => new(pr.Number, pr.HtmlUrl, pr.Title, pr.Body ?? "");
}
