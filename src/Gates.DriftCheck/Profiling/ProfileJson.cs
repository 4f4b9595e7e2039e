using System.Globalization;
using System.Text.Json;
using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// The saved reference profile (<c>drift-check profile</c>): small, deterministic (no times, sorted keys, numbers in
/// their shortest round-trip form) and diff-friendly (one value per line). Numeric columns keep their exact values
/// when they have at most <c>quantiles</c> distinct ones, otherwise that many quantiles.
/// </summary>
internal static class ProfileJson
{
    public const string FormatName = "drift-check-profile";
    public const int Version = 1;
    public const int MaxCategories = 10_000;

    public static byte[] Write(TableProfile profile, int quantiles, int exactValues = 0)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("version", Version);
            w.WriteStartObject("source");
            w.WriteString("name", Path.GetFileName(profile.Path));
            w.WriteString("sha256", profile.Sha256);
            w.WriteString("format", profile.Format);
            w.WriteNumber("rows", profile.Rows);
            w.WriteEndObject();
            w.WriteNumber("quantiles", quantiles);
            w.WriteStartArray("columns");
            foreach (var column in profile.Columns)
            {
                WriteColumn(w, column, quantiles, exactValues);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteColumn(Utf8JsonWriter w, ColumnProfile c, int quantiles, int exactValues)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("type", c.Type.ToWord());
        w.WriteString("typeReason", c.TypeReason);
        w.WriteNumber("rows", c.Rows);
        w.WriteNumber("missing", c.Missing);
        w.WriteNumber("invalid", c.Invalid);
        w.WriteNumber("nonFinite", c.NonFinite);
        if (c.Problem is { } problem)
        {
            w.WriteString("problem", problem);
        }

        if (c.Numbers is { } n)
        {
            var keep = n.Distribution.IsExact && n.Distribution.Values.Length <= exactValues;
            var (d, error) = keep ? (n.Distribution, n.CdfError) : ProfileSketch.Shrink(n.Distribution, quantiles, n.CdfError);
            w.WriteStartObject("numbers");
            w.WriteNumber("count", n.Count);
            w.WriteNumber("mean", n.Moments.Mean);
            w.WriteNumber("sumOfSquares", n.Moments.SumOfSquares);
            w.WriteNumber("min", n.Min);
            w.WriteNumber("max", n.Max);
            w.WriteBoolean("exact", d.IsExact);
            if (!d.IsExact)
            {
                w.WriteNumber("cdfError", error);
            }

            Numbers(w, "values", d.Values);
            Numbers(w, "weights", d.Weights);
            w.WriteEndObject();
        }

        Categories(w, "categories", c.Categories);
        Categories(w, "hours", c.Hours);
        if (c.Dates is { } dates)
        {
            w.WriteStartObject("dates");
            w.WriteString("min", dates.Min.ToString("s", CultureInfo.InvariantCulture));
            w.WriteString("max", dates.Max.ToString("s", CultureInfo.InvariantCulture));
            w.WriteBoolean("hasTime", dates.HasTime);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void Categories(Utf8JsonWriter w, string name, CategoryCounts? counts)
    {
        if (counts is null)
        {
            return;
        }

        var ordered = counts.Counts.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        var kept = ordered.Take(MaxCategories).ToList();
        w.WriteStartObject(name);
        w.WriteStartObject("counts");
        foreach (var (key, value) in kept)
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
        w.WriteNumber("other", counts.Other + ordered.Skip(kept.Count).Sum(e => e.Value));
        w.WriteEndObject();
    }

    public static bool LooksLikeProfile(ReadOnlySpan<byte> start) =>
        start.IndexOf("\"format\""u8) >= 0 && start.IndexOf(System.Text.Encoding.UTF8.GetBytes(FormatName)) >= 0;
}
