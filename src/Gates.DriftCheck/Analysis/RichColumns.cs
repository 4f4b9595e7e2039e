using Gates.Core;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>
/// After the column-by-column comparison: text columns get their descriptors and classifier from the text samples,
/// and the declared embedding columns are compared and added.
/// </summary>
internal static class RichColumns
{
    public static DriftResult Apply(DriftResult result, TableProfile reference, ColumnSamples referenceSamples, ColumnSamples currentSamples,
        DriftSettings s, List<string> warnings)
    {
        var fromProfile = reference.Format == "profile";
        var columns = new List<ColumnResult>();
        foreach (var column in result.Columns)
        {
            var isText = reference.Find(column.Name)?.Type == ColumnType.Text;
            var testable = column.Status != ColumnStatus.NotTested || column.Reason == NotTested.EvidentlyText;
            if (!isText || !testable || s.For(column.Name).Ignore)
            {
                columns.Add(column);
            }
            else if (fromProfile)
            {
                columns.Add(column with { Notes = [.. column.Notes, "text descriptors and the domain classifier need the reference data, not a saved profile"] });
            }
            else if (referenceSamples.Texts.GetValueOrDefault(column.Name)?.Sample is { } r && currentSamples.Texts.GetValueOrDefault(column.Name)?.Sample is { } c)
            {
                columns.Add(TextAnalysis.Compare(column, r, c, reference.Find(column.Name)!.NonMissing, s));
            }
            else
            {
                columns.Add(column with { Notes = [.. column.Notes, "text: no sample of the values was kept (the first 1,000 values did not look like text)"] });
            }
        }

        foreach (var embedding in s.Embeddings)
        {
            if (fromProfile)
            {
                warnings.Add($"embedding '{embedding.Name}': not compared, it needs the reference data, not a saved profile");
                continue;
            }

            var r = referenceSamples.Embeddings[embedding.Name];
            var c = currentSamples.Embeddings[embedding.Name];
            if (r.Dimension != c.Dimension)
            {
                throw new GateInputException($"embedding '{embedding.Name}': the reference vectors have {r.Dimension} values, the current ones {c.Dimension}");
            }

            columns.Add(EmbeddingAnalysis.Compare(embedding, r, c, s));
        }

        return result with { Columns = columns };
    }
}
