using System.Globalization;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>Turns what was learned about one JSONL field into a metric (or the reason it is not one).</summary>
internal static class FieldMetric
{
    /// <summary>The metric for a field, the reason a list or text field is none, or null for objects (their fields are metrics).</summary>
    public static MetricFind? For(FieldStats field, long items, string path)
    {
        var kinds = field.Kinds.ToList();
        if (kinds.Count > 1)
        {
            return Conflict(field, kinds, path);
        }

        if (kinds.Count == 0)
        {
            return field.Nulls > 0 ? MetricProblem.Invalid(path, field.Name, $"is null on every item (first on line {field.FirstNullLine})", field.FirstNullLine) : null;
        }

        return kinds[0] switch
        {
            ValueKind.String => MetricProblem.Invalid(path, field.Name, $"holds strings, not numbers (first on line {field.FirstLine(ValueKind.String)})", field.FirstLine(ValueKind.String)),
            ValueKind.Array => MetricProblem.Invalid(path, field.Name, $"holds lists, not numbers (first on line {field.FirstLine(ValueKind.Array)}); a corpus-level metric such as lm-eval's f1 or bleu keeps its per-item inputs this way: gate its value in the results JSON", field.FirstLine(ValueKind.Array)),
            ValueKind.Number or ValueKind.Boolean => Numeric(field, items, path),
            _ => null,
        };
    }

    private static MetricFind Numeric(FieldStats field, long items, string path)
    {
        if (field.NonFinite > 0)
        {
            var more = field.NonFinite > 1 ? $" and on {field.NonFinite - 1} more item(s)" : "";
            return MetricProblem.Invalid(path, field.Name, $"is NaN or infinite on line {field.FirstNonFiniteLine}{more}", field.FirstNonFiniteLine);
        }

        if (!field.Aggregate)
        {
            return MetricProblem.Invalid(path, field.Name, "was not read: it was not among the metrics asked for");
        }

        if (field.Stats.ToObservation() is not { } observation)
        {
            return MetricProblem.Invalid(path, field.Name, "has no values");
        }

        return new MetricFind.Found(observation, MissingNote(field, items));
    }

    /// <summary>"12 of 1000 items have no value …", or null when every item has one.</summary>
    public static string? MissingNote(FieldStats field, long items)
    {
        var absent = items - field.Present;
        var missing = absent + field.Nulls;
        if (missing == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (field.Nulls > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"null on {field.Nulls}, first on line {field.FirstNullLine}"));
        }

        if (absent > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"absent on {absent}, first on line {field.FirstAbsentLine}"));
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{missing} of {items} items have no value for '{field.Name}' ({string.Join("; ", parts)}); they are left out, n = {field.Stats.Count}");
    }

    private static MetricFind.Invalid Conflict(FieldStats field, List<ValueKind> kinds, string path)
    {
        var ordered = kinds.OrderBy(field.FirstLine).ToList();
        var first = ordered[0];
        var second = ordered[1];
        var line = field.FirstLine(second);
        return MetricProblem.Invalid(path, field.Name,
            $"is {Describe(first)} on line {field.FirstLine(first)} but {Describe(second)} on line {line}; a field must keep one type", line);
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Number => "a number",
        ValueKind.Boolean => "a boolean",
        ValueKind.String => "a string",
        ValueKind.Object => "an object",
        _ => "an array",
    };
}
