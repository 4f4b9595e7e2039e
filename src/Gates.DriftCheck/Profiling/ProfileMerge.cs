using System.Security.Cryptography;
using System.Text;
using Gates.Core;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Merges the profiles of partitions of one data set into the profile of the whole: counts (rows, missing, invalid,
/// categories, weekdays, hours) add up exactly, moments combine exactly (Chan et al.), ranges widen, and numeric
/// distributions are united (<see cref="ProfileSketch.Union"/>): exact when every part is exact, otherwise within the
/// largest CDF error of the parts. The parts are put in a fixed order first (by the hash of their source data), so the
/// result is the same, to the bit, whatever order they are given in.
/// </summary>
internal static class ProfileMerge
{
    public static TableProfile Merge(IReadOnlyList<TableProfile> profiles)
    {
        if (profiles.Count == 0)
        {
            throw new GateInputException("profile --merge: no profiles to merge");
        }

        var parts = profiles
            .OrderBy(p => p.SourceSha256 ?? p.Sha256, StringComparer.Ordinal)
            .ThenBy(p => p.Rows)
            .ThenBy(p => p.SourceName ?? p.Path, StringComparer.Ordinal)
            .ToList();
        var names = parts.SelectMany(p => p.Columns.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        var rows = parts.Sum(p => p.Rows);
        var problems = new List<string>();
        var columns = new List<ColumnProfile>();
        foreach (var name in names)
        {
            var present = parts.Select(p => (Part: p, Column: p.Find(name))).ToList();
            var types = present.Where(x => x.Column is { Type: not ColumnType.Empty }).Select(x => x.Column!.Type).Distinct().ToList();
            if (types.Count > 1)
            {
                var which = present.Where(x => x.Column is not null).Select(x => $"{x.Column!.Type.ToWord()} in {x.Part.Path}");
                problems.Add($"column '{name}' has different types: {string.Join(", ", which)} " +
                    "(profile every partition with the same --thresholds file, setting the column's type)");
                continue;
            }

            columns.Add(Column(name, types.Count == 1 ? types[0] : ColumnType.Empty, present));
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        return new TableProfile
        {
            Path = $"{parts.Count} profiles merged",
            Sha256 = Digest(parts),
            Rows = rows,
            Format = "merged",
            Columns = columns,
        };
    }

    private static ColumnProfile Column(string name, ColumnType type, List<(TableProfile Part, ColumnProfile? Column)> present)
    {
        var columns = present.Where(x => x.Column is not null).Select(x => x.Column!).ToList();
        var absentRows = present.Where(x => x.Column is null).Sum(x => x.Part.Rows);
        var typed = columns.FirstOrDefault(c => c.Type == type) ?? columns[0];
        return new ColumnProfile
        {
            Name = name,
            Type = type,
            TypeReason = typed.TypeReason,
            Rows = columns.Sum(c => c.Rows) + absentRows,
            Missing = columns.Sum(c => c.Missing) + absentRows,
            Invalid = columns.Sum(c => c.Invalid),
            NonFinite = columns.Sum(c => c.NonFinite),
            Problem = columns.Select(c => c.Problem).FirstOrDefault(p => p is not null),
            Numbers = Numbers([.. columns.Select(c => c.Numbers).OfType<NumericSummary>()]),
            Categories = Counts([.. columns.Select(c => c.Categories).OfType<CategoryCounts>()]),
            Hours = Counts([.. columns.Select(c => c.Hours).OfType<CategoryCounts>()]),
            Dates = Dates([.. columns.Select(c => c.Dates).OfType<DateRange>()]),
        };
    }

    public static NumericSummary? Numbers(IReadOnlyList<NumericSummary> parts)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var distribution = ProfileSketch.Union([.. parts.Select(p => p.Distribution)]);
        var moments = parts.Skip(1).Aggregate(parts[0].Moments, (m, p) => m.Combine(p.Moments));
        return new NumericSummary(distribution, moments, parts.Min(p => p.Min), parts.Max(p => p.Max)) { CdfError = parts.Max(p => p.CdfError) };
    }

    private static CategoryCounts? Counts(IReadOnlyList<CategoryCounts> parts)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, count) in part.Counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
        }

        return new CategoryCounts(counts, parts.Sum(p => p.Other));
    }

    private static DateRange? Dates(IReadOnlyList<DateRange> parts) => parts.Count == 0
        ? null
        : new DateRange(parts.Min(d => d.Min), parts.Max(d => d.Max), parts.Any(d => d.HasTime));

    /// <summary>A hash of the parts' source hashes in their fixed order: the merged profile's identity.</summary>
    private static string Digest(IEnumerable<TableProfile> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts.Select(p => p.SourceSha256 ?? p.Sha256)))));
}
