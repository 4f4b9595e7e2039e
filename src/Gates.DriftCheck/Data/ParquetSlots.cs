using System.Reflection;
using Parquet.Data;
using Parquet.Schema;

namespace Gates.DriftCheck.Data;

/// <summary>
/// A column chunk of a Parquet row group as one value per slot (null where the definition level says the value is
/// absent) and the repetition levels of list columns.
/// </summary>
internal static class ParquetSlots
{
    private static readonly MethodInfo Typed = typeof(ParquetSlots).GetMethod(nameof(OfType), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static (object?[] Values, int[]? RepetitionLevels) Of(RawColumnData raw, DataField field)
    {
        var type = raw.GetType();
        var element = type.IsGenericType ? type.GetGenericArguments()[0] : throw new NotSupportedException($"column '{field.Name}': unexpected data {type.Name}");
        return ((object?[], int[]?))Typed.MakeGenericMethod(element).Invoke(null, [raw, field])!;
    }

    private static (object?[], int[]?) OfType<T>(RawColumnData<T> raw, DataField field)
        where T : struct
    {
        var values = raw.Values;
        int[]? definitions = field.MaxDefinitionLevel > 0 ? raw.DefinitionLevels.ToArray() : null;
        int[]? repetitions = field.MaxRepetitionLevel > 0 ? raw.RepetitionLevels.ToArray() : null;
        if (definitions is null)
        {
            var dense = new object?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                dense[i] = values[i];
            }

            return (dense, repetitions);
        }

        var slots = new object?[definitions.Length];
        var next = 0;
        for (var i = 0; i < definitions.Length; i++)
        {
            slots[i] = definitions[i] == field.MaxDefinitionLevel ? values[next++] : null;
        }

        return (slots, repetitions);
    }
}
