using YamlDotNet.RepresentationModel;

namespace Gates.DriftCheck.Config;

/// <summary>Reads <c>drift.text</c>, <c>drift.embeddings</c> and <c>columns.NAME</c> with <c>type: embedding</c>.</summary>
internal static class RichColumnSettingsReader
{
    public static TextDriftSettings Text(YamlNode node, TextDriftSettings s, YamlValues v)
    {
        foreach (var (key, keyNode, value) in v.Mapping(node, "drift.text"))
        {
            s = key switch
            {
                "sample_rows" => s with { SampleRows = v.Integer(value, "drift.text.sample_rows", 100, 1_000_000) ?? s.SampleRows },
                "auc" => s with { Auc = v.Number(value, "drift.text.auc", 0.5, 1) ?? s.Auc },
                "permutations" => s with { Permutations = v.Integer(value, "drift.text.permutations", 19, 100_000) ?? s.Permutations },
                _ => Unknown(s, keyNode, $"unknown key 'drift.text.{key}' (allowed: sample_rows, auc, permutations)", v),
            };
        }

        return s;
    }

    public static EmbeddingDriftSettings Embeddings(YamlNode node, EmbeddingDriftSettings s, YamlValues v)
    {
        foreach (var (key, keyNode, value) in v.Mapping(node, "drift.embeddings"))
        {
            var where = $"drift.embeddings.{key}";
            s = key switch
            {
                "sample_rows" => s with { SampleRows = v.Integer(value, where, 100, 1_000_000) ?? s.SampleRows },
                "mmd_rows" => s with { MmdRows = v.Integer(value, where, 20, 5_000) ?? s.MmdRows },
                "permutations" => s with { Permutations = v.Integer(value, where, 19, 100_000) ?? s.Permutations },
                "auc" => s with { Auc = v.Number(value, where, 0.5, 1) ?? s.Auc },
                "mmd" => s with { Mmd = v.Number(value, where, 0, 2) ?? s.Mmd },
                "cosine" => s with { Cosine = v.Number(value, where, 0, 2) ?? s.Cosine },
                _ => Unknown(s, keyNode, $"unknown key '{where}' (allowed: sample_rows, mmd_rows, permutations, auc, mmd, cosine)", v),
            };
        }

        return s;
    }

    /// <summary>A column entry with <c>type: embedding</c>, else null (an ordinary column).</summary>
    public static EmbeddingColumn? Embedding(string name, YamlNode node, YamlValues v)
    {
        if (node is not YamlMappingNode mapping || !mapping.Children.Any(e => YamlValues.Text(e.Key) == "type" && YamlValues.Text(e.Value) == "embedding"))
        {
            return null;
        }

        string? prefix = null;
        var critical = false;
        foreach (var (key, keyNode, value) in v.Mapping(node, $"columns.{name}"))
        {
            switch (key)
            {
                case "type":
                    break;
                case "prefix":
                    prefix = YamlValues.Text(value) is { Length: > 0 } p ? p : null;
                    if (prefix is null)
                    {
                        v.Add(value, $"columns.{name}.prefix must be the text before the index, for example emb_ for emb_0 … emb_767");
                    }

                    break;
                case "critical":
                    critical = v.Boolean(value, $"columns.{name}.critical") ?? false;
                    break;
                default:
                    v.Add(keyNode, $"unknown key 'columns.{name}.{key}' for an embedding (allowed: type, prefix, critical)");
                    break;
            }
        }

        return new EmbeddingColumn(name, prefix, critical);
    }

    private static T Unknown<T>(T unchanged, YamlNode keyNode, string message, YamlValues v)
    {
        v.Add(keyNode, message);
        return unchanged;
    }
}
