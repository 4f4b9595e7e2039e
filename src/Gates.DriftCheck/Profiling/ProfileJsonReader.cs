using System.Globalization;
using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Statistics.Drift;

namespace Gates.DriftCheck.Profiling;

/// <summary>Reads a profile written by <see cref="ProfileJson"/>; anything else is an input error naming the file.</summary>
internal static class ProfileJsonReader
{
    public static TableProfile Read(string path)
    {
        var content = InputFiles.ReadAll(path, "profile");
        var bytes = content.Utf8();

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != ProfileJson.FormatName)
            {
                throw new GateInputException($"{path}: not a drift-check profile (format is not '{ProfileJson.FormatName}')");
            }

            var version = root.GetProperty("version").GetInt32();
            if (version != ProfileJson.Version)
            {
                throw new GateInputException($"{path}: profile version {version} is not supported (this drift-check reads version {ProfileJson.Version}); make it again with 'drift-check profile'");
            }

            var source = root.GetProperty("source");
            return new TableProfile
            {
                Path = path,
                Sha256 = content.Sha256,
                Rows = source.GetProperty("rows").GetInt64(),
                Format = "profile",
                SourceName = source.GetProperty("name").GetString(),
                SourceSha256 = source.GetProperty("sha256").GetString(),
                Columns = [.. root.GetProperty("columns").EnumerateArray().Select(ReadColumn)],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new GateInputException($"{path}: not a valid drift-check profile: {e.Message}");
        }
    }

    private static ColumnProfile ReadColumn(JsonElement c)
    {
        var typeWord = c.GetProperty("type").GetString();
        if (!ColumnTypeNames.TryParse(typeWord, out var type))
        {
            throw new FormatException($"unknown column type '{typeWord}'");
        }

        return new ColumnProfile
        {
            Name = c.GetProperty("name").GetString()!,
            Type = type,
            TypeReason = c.GetProperty("typeReason").GetString()!,
            Rows = c.GetProperty("rows").GetInt64(),
            Missing = c.GetProperty("missing").GetInt64(),
            Invalid = c.GetProperty("invalid").GetInt64(),
            NonFinite = c.GetProperty("nonFinite").GetInt64(),
            Problem = c.TryGetProperty("problem", out var p) ? p.GetString() : null,
            Numbers = c.TryGetProperty("numbers", out var n) ? ReadNumbers(n) : null,
            Categories = c.TryGetProperty("categories", out var cat) ? ReadCategories(cat) : null,
            Hours = c.TryGetProperty("hours", out var h) ? ReadCategories(h) : null,
            Dates = c.TryGetProperty("dates", out var d)
                ? new DateRange(
                    DateTime.Parse(d.GetProperty("min").GetString()!, CultureInfo.InvariantCulture),
                    DateTime.Parse(d.GetProperty("max").GetString()!, CultureInfo.InvariantCulture),
                    d.GetProperty("hasTime").GetBoolean())
                : null,
        };
    }

    private static NumericSummary ReadNumbers(JsonElement n)
    {
        var count = n.GetProperty("count").GetInt64();
        var values = n.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var weights = n.GetProperty("weights").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var distribution = new EmpiricalDistribution(values, weights, count, n.GetProperty("exact").GetBoolean());
        var moments = new Moments(count, n.GetProperty("mean").GetDouble(), n.GetProperty("sumOfSquares").GetDouble());
        var error = distribution.IsExact ? 0
            : n.TryGetProperty("cdfError", out var e) ? e.GetDouble()
            : 1.0 / Math.Max(values.Length - 1, 1);
        return new NumericSummary(distribution, moments, n.GetProperty("min").GetDouble(), n.GetProperty("max").GetDouble()) { CdfError = error };
    }

    private static CategoryCounts ReadCategories(JsonElement c) => new(
        c.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal),
        c.GetProperty("other").GetInt64());
}
