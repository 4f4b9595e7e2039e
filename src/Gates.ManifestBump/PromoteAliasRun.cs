using Gates.Cli;
using Gates.Cli.Comments;
using Gates.Core;
using Gates.Core.Results;
using Gates.Http;
using Gates.ManifestBump.Promotion;
using Gates.ManifestBump.Registry;

namespace Gates.ManifestBump;

/// <summary>One <c>promote-alias</c> run: guard, move the alias, write lineage, report; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class PromoteAliasRun
{
    public static async Task<int> ExecuteAsync(PromoteAliasSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(ManifestBumpCommand.Name, typeof(PromoteAliasRun).Assembly, settings.Common, env);
        var rollback = settings.RollbackFrom is { } path ? RollbackSource.Read(path) : null;
        var kind = rollback?.Registry ?? settings.Registry;
        var evidence = settings.Evidence.Select(Evidence.Read).ToList();
        var ci = CiRun.From(env);
        var alias = rollback?.Alias ?? settings.Alias;
        var tags = LineageTags.Build(new LineageTags.Facts(alias, settings.GitCommit ?? ci.Commit, settings.RunUrl ?? ci.RunUrl, settings.ApprovedBy,
            settings.Environment, env.Time.GetUtcNow(), evidence, rollback?.After));
        var request = new AliasRequest
        {
            Model = rollback?.Model ?? settings.Model!,
            Alias = alias,
            To = rollback is null ? settings.To : rollback.Before,
            ExpectCurrent = rollback?.After ?? settings.ExpectCurrent,
            DryRun = settings.DryRun,
            MaxAttempts = settings.MaxAttempts,
            Tags = tags,
            Writer = $"{ci.RunUrl ?? "local"} {Guid.NewGuid():N}",
        };

        using var http = HttpServices.Default.Client(RegistryConnections.Retry, env.Time);
        var registry = RegistryConnections.Create(kind, settings, env, http);
        AliasResult result;
        try
        {
            result = await new AliasPromoter(registry, (span, token) => Task.Delay(span, env.Time, token)).RunAsync(request, ct);
        }
        catch (RegistryConflictException e)
        {
            result = new AliasResult { Outcome = "conflict", Model = request.Model, Alias = request.Alias, Version = request.To, Message = e.Message };
        }

        run.Say(result.Message);
        var conflict = result.Outcome == "conflict";
        var report = run
            .SubjectFound(request.Model, result.Version)
            .AddInputs(evidence.Select(e => new InputFile("evidence", e.Path, e.Sha256)))
            .AddChecks(AliasReport.Checks(result))
            .SetSection(AliasReport.Details(result, kind, registry.Url, rollback is not null))
            .Finish(result.Message);
        return await run.PublishAsync(report, ct, outcome: RunOutcome.Of(report) with { Conflict = conflict });
    }
}
