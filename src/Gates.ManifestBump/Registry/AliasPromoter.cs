namespace Gates.ManifestBump.Registry;

/// <summary>
/// Moves a registry alias with a guard, since no registry here offers compare-and-set: read the alias; one already
/// at the target is unchanged (a re-run of a finished promotion); refuse when it is not where the gates saw it (<see cref="AliasRequest.ExpectCurrent"/>); write it together with this
/// promotion's writer mark; read both back. Another promotion's mark, or the alias on a third version, is a
/// conflict; the old value still showing (a lagging replica) is written again, at most
/// <see cref="AliasRequest.MaxAttempts"/> times. Then the lineage tags are written to the version and read back.
/// A writer that moves the alias after the guard's read and before this write, and leaves no mark (a person in the
/// UI), is overwritten unseen: the registries give no way to tell.
/// </summary>
internal sealed class AliasPromoter(IModelRegistry registry, Func<TimeSpan, CancellationToken, Task> wait)
{
    public static readonly IReadOnlyList<string> TrainingKeys = ["training_dataset", "training_run_id", "git_commit_sha"];

    public async Task<AliasResult> RunAsync(AliasRequest request, CancellationToken ct)
    {
        var target = request.To is null ? null : await registry.ResolveAsync(request.Model, request.To, ct);
        var version = target is null ? null : await registry.ReadVersionAsync(request.Model, target, ct);
        if (version is { Archived: true })
        {
            throw new Core.GateInputException($"{Describe()}: version {target} of '{request.Model}' is archived; restore it before promoting it");
        }

        var before = (await registry.ReadAliasAsync(request.Model, request.Alias, ct)).Version;
        var training = version is null ? new Dictionary<string, string>()
            : TrainingKeys.Where(version.Tags.ContainsKey).ToDictionary(k => k, k => version.Tags[k], StringComparer.Ordinal);
        var result = new AliasResult
        {
            Outcome = "changed",
            Model = request.Model,
            Alias = request.Alias,
            Before = before,
            After = before,
            Version = target,
            Source = version?.Source,
            Training = training,
            Message = "",
        };

        if (before == target)
        {
            return result with { Outcome = "unchanged", Message = $"{Name(request)} already points at {Show(target)}" };
        }

        if (request.ExpectCurrent is { } expected && !Same(expected, before))
        {
            return result with
            {
                Outcome = "conflict",
                Message = $"{Name(request)} moved since the gates ran: expected {expected}, found {before ?? AliasRequest.None}; nothing was changed",
            };
        }

        var tags = new Dictionary<string, string>(request.Tags, StringComparer.Ordinal) { [LineageTags.PreviousVersion] = before ?? AliasRequest.None };
        if (request.DryRun)
        {
            return result with { Outcome = "dry-run", TagsWritten = target is null ? new Dictionary<string, string>() : tags, Message = $"dry run: would move {Name(request)} {Show(before)} → {Show(target)}" };
        }

        for (var attempt = 1; ; attempt++)
        {
            await registry.WriteAliasAsync(request.Model, request.Alias, target, request.Writer, ct);
            var after = await registry.ReadAliasAsync(request.Model, request.Alias, ct);
            if (after.Writer != request.Writer || (after.Version != target && after.Version != before))
            {
                return result with
                {
                    Outcome = "conflict",
                    After = after.Version,
                    Attempts = attempt,
                    Message = $"another writer moved {Name(request)} during this promotion: it now points at {Show(after.Version)}"
                        + (after.Writer == request.Writer ? "" : $" (last promotion mark: {after.Writer ?? "none"})") + "; check the registry, then run again",
                };
            }

            if (after.Version == target)
            {
                result = result with { After = target, Attempts = attempt };
                break;
            }

            if (attempt >= request.MaxAttempts)
            {
                return result with { Outcome = "conflict", Attempts = attempt, Message = $"{Name(request)} still reads {Show(before)} after {attempt} writes of {Show(target)}" };
            }

            await wait(TimeSpan.FromSeconds(attempt), ct);
        }

        if (target is null)
        {
            return result with { Message = $"removed {Name(request)} (was {Show(before)})" };
        }

        await registry.WriteTagsAsync(request.Model, target, tags, ct);
        var readBack = await registry.ReadVersionAsync(request.Model, target, ct);
        var missing = tags.Where(t => readBack.Tags.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
        if (missing.Count > 0)
        {
            throw new Core.GateRuntimeException($"{Describe()}: lineage tag(s) {string.Join(", ", missing)} did not read back on {request.Model} version {target}");
        }

        return result with { TagsWritten = tags, Message = $"moved {Name(request)} {Show(before)} → {Show(target)}" };
    }

    private static bool Same(string expected, string? current) =>
        current is null ? expected.Equals(AliasRequest.None, StringComparison.OrdinalIgnoreCase) : expected == current;

    private static string Name(AliasRequest request) => $"{request.Model}@{request.Alias}";

    private static string Show(string? version) => version is null ? "(no alias)" : $"version {version}";

    private string Describe() => $"{(registry.Kind == "mlflow" ? "MLflow" : "Kubeflow Model Registry")} at {registry.Url}";
}
