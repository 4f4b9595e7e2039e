using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Promotion;

/// <summary>Local mode: edit files in a working tree (atomically), optionally commit them with trailers.</summary>
internal static class LocalPromotion
{
    public static BumpResult Run(BumpInputs inputs, string root, bool dryRun, bool commit, CancellationToken ct)
    {
        var result = Bumper.Apply(inputs, path => ManifestFiles.Read(Path.Combine(root, path)));
        if (dryRun || !result.AnyChanged)
        {
            return result;
        }

        foreach (var file in result.Files.Where(f => f.Changed))
        {
            ct.ThrowIfCancellationRequested();
            ManifestFiles.WriteAtomically(Path.Combine(root, file.File), file.After);
        }

        if (commit)
        {
            GitCli.Commit(root, [.. result.Files.Where(f => f.Changed).Select(f => f.File)], PromotionText.CommitMessage(inputs, result));
        }

        return result;
    }
}
