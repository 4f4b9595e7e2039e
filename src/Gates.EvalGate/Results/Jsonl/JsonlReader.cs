using System.Globalization;
using Gates.Core;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Per-item JSONL: one evaluated example per line. Boolean fields become rates (successes and n), numeric fields
/// means (with sample standard deviation and n); nested objects are flattened with dots. The file is streamed.
/// </summary>
internal static class JsonlReader
{
    public static IEvalResults Read(string path, ReadOptions options, JsonlReadMode? mode = null)
    {
        mode ??= JsonlReadMode.Default;
        ItemAggregator parser;
        string sha256;
        long bytes;
        try
        {
            // Without pairing, a file that can be read twice keeps only hashes of its ids (memory flat in its length);
            // with pairing, its ids and the per-item values of the paired metrics only. Only when an id repeats is it
            // read again keeping ids and per-item values of every metric, for item-level statistics.
            var twice = mode.CanReadTwice(path);
            (parser, sha256, bytes) = ReadWith(path, options, mode, hashIds: !options.KeepItems && twice,
                pairedOnly: options.KeepItems && twice && options.PairedMetrics is not null);
        }
        catch (RepeatedIdSeen)
        {
            (parser, sha256, bytes) = ReadWith(path, options, mode, hashIds: false, pairedOnly: false);
        }

        if (parser.Items == 0)
        {
            throw new GateInputException(bytes == 0 ? $"{path}: the results file is empty" : $"{path}: no items: every line is blank");
        }

        var table = new MetricTable();
        var warnings = new List<string>();
        IReadOnlyList<string>? idTexts = null;
        foreach (var field in parser.Fields)
        {
            if (field.IsId || FieldMetric.For(field, parser.Items, path) is not { } find)
            {
                continue;
            }

            var isMetric = field.Kinds.Any(k => k is ValueKind.Number or ValueKind.Boolean);
            var column = parser.Ids.Unavailable ? null : field.Items;
            if (isMetric && parser.Ids.Repeats > 0 && column is not null && find is MetricFind.Found found)
            {
                var groups = column.Groups(idTexts ??= Texts(parser.Ids.Table));
                table.Add(field.Name, found with { Observation = groups.ToObservation(found.Observation.HigherIsBetter) ?? found.Observation }, () => column.ByIds(parser.Ids.Table));
                if (groups.ItemRuns() is { } runs)
                {
                    table.AddRuns(field.Name, runs);
                }
            }
            else if (isMetric)
            {
                table.Add(field.Name, find, column is null || !options.KeepItems ? null : () => column.ByIds(parser.Ids.Table));
            }
            else
            {
                table.AddHidden(field.Name, find);
            }
        }

        if (parser.Ids.FirstRepeat is { } repeat)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {parser.Ids.Repeats} line(s) repeat an item id ('{repeat.Id}' on line {repeat.Line} repeats line {repeat.FirstLine}); lines of one id are runs of one item: metrics count {parser.Ids.Count} items ({parser.Items} runs)"));
        }

        if (options.KeepItems && parser.Ids.Unavailable)
        {
            warnings.Add($"{path}: items have no id ({string.Join(", ", ItemIds.DefaultFields)}); per-item values cannot be paired (use --id-field)");
        }

        if (table.Count == 0)
        {
            throw new GateInputException($"{path}: no numeric or boolean fields in {parser.Items} items");
        }

        return new ComputedResults(path, "jsonl", sha256, warnings, table) { Ids = options.KeepItems && !parser.Ids.Unavailable ? parser.Ids.Table : null };
    }

    /// <summary>The ids by position, as strings: once per file whose items repeat, for the item groups of every metric.</summary>
    private static string[] Texts(IdTable ids)
    {
        var texts = new string[ids.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = ids.Text(i);
        }

        return texts;
    }

    private static (ItemAggregator Parser, string Sha256, long Bytes) ReadWith(string path, ReadOptions options, JsonlReadMode mode, bool hashIds, bool pairedOnly)
    {
        var parser = new ItemAggregator(path, options, hashIds, pairedOnly);
        var (sha256, bytes) = mode.UseParallel(path)
            ? ParallelLines.Read(path, options, parser, mode.BufferSize, mode.Workers)
            : SequentialLines.Read(path, options, parser, mode.BufferSize);
        if (parser.Ids.MayRepeat)
        {
            throw new RepeatedIdSeen();
        }

        return (parser, sha256, bytes);
    }
}
