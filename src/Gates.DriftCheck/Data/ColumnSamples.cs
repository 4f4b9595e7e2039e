using System.Globalization;
using Gates.Core;
using Gates.DriftCheck.Config;

namespace Gates.DriftCheck.Data;

/// <summary>
/// What one data file's read keeps beyond the profile: a text sample per column that may be text, and the vectors of
/// the declared embedding columns. Readers ask <see cref="SinkFor"/> for each column they find.
/// </summary>
internal sealed class ColumnSamples
{
    private readonly DriftSettings settings;
    private readonly bool reference;
    private readonly HashSet<string> declaredText;
    private readonly Dictionary<string, TextSampler> texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmbeddingCollector> embeddings = new(StringComparer.Ordinal);
    private readonly HashSet<string> ignored;

    public ColumnSamples(DriftSettings settings, bool reference)
    {
        this.settings = settings;
        this.reference = reference;
        declaredText = settings.DeclaredText.ToHashSet(StringComparer.Ordinal);
        ignored = settings.Columns.Where(c => c.Value.Ignore || (c.Value.Type is { } t && t != Profiling.ColumnType.Text)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, TextSampler> Texts => texts;

    public IReadOnlyDictionary<string, EmbeddingCollector> Embeddings => embeddings;

    /// <summary>The seed of a column's sample: fixed per column name and side, so runs repeat.</summary>
    public int Seed(string column) => (int)(Fnv(column) ^ (reference ? 0x5eed1u : 0x5eed2u));

    /// <summary>
    /// Whether a read made without samples must be done again with them: an embedding or a declared text column, or a
    /// column whose text cells average 15 characters or more (shorter ones are never inferred as text).
    /// </summary>
    public bool NeedsCells(IEnumerable<Profiling.ColumnAccumulator> columns) =>
        settings.Embeddings.Any() || declaredText.Count > 0
        || columns.Any(c => !ignored.Contains(c.Name) && c.TextCells > 0 && c.TextChars >= 15 * c.TextCells);

    public CellSink? SinkFor(string column)
    {
        foreach (var embedding in settings.Embeddings)
        {
            if (embedding.Prefix is null && embedding.Name == column)
            {
                return new EmbeddingSink(Collector(embedding.Name));
            }

            if (embedding.Prefix is { } prefix && column.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(column.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && column[prefix.Length..] == index.ToString(CultureInfo.InvariantCulture))
            {
                var collector = Collector(embedding.Name);
                collector.PartCount = Math.Max(collector.PartCount, index + 1);
                return new EmbeddingPartSink(collector, index);
            }
        }

        if (ignored.Contains(column))
        {
            return null;
        }

        var sampler = new TextSampler(settings.Text.SampleRows, Seed(column), declaredText.Contains(column), reference);
        texts[column] = sampler;
        return sampler;
    }

    /// <summary>After the read: a problem in an embedding stops the run, naming the file, row and column.</summary>
    public void Finish(string path, long rows, IReadOnlyList<string> columnNames)
    {
        var problems = new List<string>();
        foreach (var embedding in settings.Embeddings)
        {
            if (!embeddings.TryGetValue(embedding.Name, out var collector))
            {
                problems.Add(embedding.Prefix is null
                    ? $"{path}: has no embedding column '{embedding.Name}'"
                    : $"{path}: has no columns {embedding.Prefix}0 … for the embedding '{embedding.Name}'");
                continue;
            }

            collector.CompleteParts();
            if (embedding.Prefix is { } prefix)
            {
                var present = columnNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                var gap = Enumerable.Range(0, collector.PartCount).FirstOrDefault(i => !present.Contains(prefix + i.ToString(CultureInfo.InvariantCulture)), -1);
                if (gap >= 0)
                {
                    problems.Add($"{path}: the embedding '{embedding.Name}' has columns up to {prefix}{collector.PartCount - 1} but no {prefix}{gap}");
                    continue;
                }
            }

            if (collector.Problem is { } problem)
            {
                problems.Add($"{path}: row {problem.Row}, column '{Where(embedding, problem.What)}': {problem.What}");
            }
            else if (collector.Rows < rows)
            {
                problems.Add($"{path}: row {collector.LastRow + 1}, column '{embedding.Name}': the vector is missing (every row needs one)");
            }
        }

        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }
    }

    private static string Where(EmbeddingColumn embedding, string what) =>
        embedding.Prefix is { } prefix && what.StartsWith("part ", StringComparison.Ordinal) && what.Split(' ')[1] is var n && int.TryParse(n, out _)
            ? $"{prefix}{n}"
            : embedding.Name;

    private EmbeddingCollector Collector(string name)
    {
        if (!embeddings.TryGetValue(name, out var collector))
        {
            collector = new EmbeddingCollector(name, settings.EmbeddingDrift.SampleRows, Seed(name));
            embeddings[name] = collector;
        }

        return collector;
    }

    private static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
