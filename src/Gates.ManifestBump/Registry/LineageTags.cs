using System.Globalization;
using System.Text.RegularExpressions;
using Gates.ManifestBump.Promotion;

namespace Gates.ManifestBump.Registry;

/// <summary>
/// The lineage a promotion writes on the promoted version, under <c>gates.</c> keys that MLflow's tag-name rule
/// (letters, digits, <c>_ - . / space</c>) and Kubeflow custom properties both accept. Values that are unknown are
/// left out rather than written empty.
/// </summary>
internal static partial class LineageTags
{
    public const string GitCommit = "gates.git_commit";
    public const string RunUrl = "gates.pipeline_run_url";
    public const string ApprovedBy = "gates.approved_by";
    public const string Environment = "gates.environment";
    public const string PromotedAt = "gates.promoted_at";
    public const string Alias = "gates.alias";
    public const string PreviousVersion = "gates.previous_version";
    public const string RollbackOf = "gates.rollback_of";
    public const string EvidencePrefix = "gates.evidence.";

    public sealed record Facts(string Alias, string? GitCommit, string? RunUrl, string? ApprovedBy, string? Environment, DateTimeOffset Time,
        IReadOnlyList<Evidence> Evidence, string? RollbackOf = null);

    public static IReadOnlyDictionary<string, string> Build(Facts facts)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Alias] = facts.Alias,
            [PromotedAt] = facts.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        Add(tags, GitCommit, facts.GitCommit);
        Add(tags, RunUrl, facts.RunUrl);
        Add(tags, ApprovedBy, facts.ApprovedBy);
        Add(tags, Environment, facts.Environment);
        Add(tags, RollbackOf, facts.RollbackOf);
        foreach (var e in facts.Evidence)
        {
            tags[$"{EvidencePrefix}{Key(Path.GetFileName(e.Path))}.sha256"] = e.Sha256;
        }

        return tags;
    }

    private static void Add(Dictionary<string, string> tags, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            tags[key] = value.Trim();
        }
    }

    private static string Key(string name) => Unsafe().Replace(name, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex Unsafe();
}
