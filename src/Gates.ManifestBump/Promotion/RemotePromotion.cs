using Gates.Core;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Promotion;

public enum RemoteOutcome
{
    /// <summary>A commit was pushed and the pull request opened or updated.</summary>
    Updated,
    /// <summary>The branch already had the change; the pull request was only checked.</summary>
    Unchanged,
    /// <summary>The base branch already pins these values (or they are held): nothing to propose.</summary>
    NothingToPromote,
    /// <summary>Dry run: the diff was computed, nothing was written.</summary>
    DryRun,
    /// <summary>The branch kept moving; the bounded re-applies ran out.</summary>
    Conflict,
}

internal sealed record RemoteResult(RemoteOutcome Outcome, BumpResult Bump, ChangeRequest? ChangeRequest, int Attempts, string Branch);

/// <summary>
/// One branch per model and environment, one pull request updated in place. The edit is applied again to freshly
/// read files on every attempt (never a textual rebase) and the branch moves without force; when it keeps moving
/// the run stops with a conflict after <c>maxAttempts</c>.
/// </summary>
internal sealed class RemotePromotion(IPromotionHost host, string baseBranch, int maxAttempts)
{
    public async Task<RemoteResult> RunAsync(BumpInputs inputs, string branch, bool dryRun, CancellationToken ct)
    {
        BumpResult? last = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            var baseHead = await host.BranchHeadAsync(baseBranch, ct)
                ?? throw new GateInputException($"{host.Name}: base branch '{baseBranch}' does not exist");
            var head = await host.BranchHeadAsync(branch, ct);
            var fromBase = await ReadAsync(inputs, baseHead, ct);
            var proposal = Bumper.Apply(inputs, p => fromBase[p].Text);
            last = proposal;
            if (!proposal.AnyChanged)
            {
                return new RemoteResult(RemoteOutcome.NothingToPromote, proposal, null, attempt, branch);
            }

            var upToDate = head is not null && await host.ContainsAsync(head, baseHead, ct);
            var source = upToDate ? await ReadAsync(inputs, head!, ct) : fromBase;
            var onBranch = upToDate ? Bumper.Apply(inputs, p => source[p].Text) : proposal;
            if (dryRun)
            {
                return new RemoteResult(RemoteOutcome.DryRun, proposal, null, attempt, branch);
            }

            var existing = head is null ? null : await host.FindOpenAsync(branch, baseBranch, ct);
            if (upToDate && !onBranch.AnyChanged)
            {
                var checkedPr = await EnsureChangeRequestAsync(existing, inputs, proposal, branch, ct);
                return new RemoteResult(RemoteOutcome.Unchanged, proposal, checkedPr, attempt, branch);
            }

            var files = onBranch.Files.Where(f => f.Changed)
                .Select(f => new ChangedFile(f.File, f.After.Encode(), source[f.File].Version)).ToList();
            var push = new PushRequest(branch, head, baseHead, head is not null && !upToDate, files, PromotionText.CommitMessage(inputs, proposal));
            if (await host.PushAsync(push, ct) == PushOutcome.Moved)
            {
                continue;
            }

            var pr = await EnsureChangeRequestAsync(existing, inputs, proposal, branch, ct);
            return new RemoteResult(RemoteOutcome.Updated, proposal, pr, attempt, branch);
        }

        return new RemoteResult(RemoteOutcome.Conflict, last!, null, maxAttempts, branch);
    }

    private async Task<ChangeRequest> EnsureChangeRequestAsync(ChangeRequest? existing, BumpInputs inputs, BumpResult proposal, string branch, CancellationToken ct)
    {
        var supersedes = PromotionText.Superseded(existing?.Body, inputs.Version);
        var content = new ChangeRequestContent(branch, baseBranch, PromotionText.Title(inputs, proposal),
            PromotionText.PullRequestBody(inputs, proposal, supersedes), inputs.PullRequest.Labels);
        if (existing is null)
        {
            return await host.OpenAsync(content, ct);
        }

        return existing.Title == content.Title && existing.Body == content.Body ? existing : await host.UpdateAsync(existing, content, ct);
    }

    private async Task<Dictionary<string, (ManifestText Text, string? Version)>> ReadAsync(BumpInputs inputs, string commit, CancellationToken ct)
    {
        var files = new Dictionary<string, (ManifestText, string?)>(StringComparer.Ordinal);
        foreach (var path in inputs.Targets.Select(t => t.File).Distinct(StringComparer.Ordinal))
        {
            var file = await host.ReadFileAsync(commit, path, ct)
                ?? throw new GateInputException($"{host.Name}: {path} does not exist at {commit[..Math.Min(12, commit.Length)]}");
            files[path] = (ManifestText.Decode(file.Content, path), file.Version);
        }

        return files;
    }
}
