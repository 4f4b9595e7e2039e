using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Core.Reporting;

/// <summary>
/// The gate report's JSON form (docs/report-format.md): camelCase names in declaration order, enums as lowercase
/// words, nulls left out, indented. <see cref="Parse"/> reads it back and refuses what it does not understand.
/// </summary>
public static class GateReportJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The report's metadata under <see cref="Options"/>: the overloads that take it need no reflection (Native AOT).</summary>
    private static JsonTypeInfo<GateReport> ReportType { get; } = (JsonTypeInfo<GateReport>)Options.GetTypeInfo(typeof(GateReport));

    public static string Serialize(GateReport report) => JsonSerializer.Serialize(report, ReportType);

    /// <summary>Reads a gate report; malformed JSON or an unknown schemaVersion is a <see cref="GateInputException"/> naming <paramref name="sourceName"/>.</summary>
    public static GateReport Parse(string json, string sourceName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{sourceName}: not valid JSON: {e.Message}");
        }

        if (root is not JsonObject report)
        {
            throw new GateInputException($"{sourceName}: a gate report must be a JSON object");
        }

        CheckSchemaVersion(report, sourceName);
        try
        {
            return JsonSerializer.Deserialize(json, ReportType)
                ?? throw new GateInputException($"{sourceName}: the gate report is null");
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{sourceName}: not a valid gate report: {e.Message}");
        }
    }

    private static void CheckSchemaVersion(JsonObject report, string sourceName)
    {
        var node = report["schemaVersion"];
        if (node is null)
        {
            throw new GateInputException($"{sourceName}: no schemaVersion; is this a Gates gate report?");
        }

        if (node is not JsonValue value || !value.TryGetValue<int>(out var version))
        {
            throw new GateInputException($"{sourceName}: schemaVersion must be a whole number, not {node.ToJsonString()}");
        }

        if (version != GateReport.CurrentSchemaVersion)
        {
            throw new GateInputException(
                $"{sourceName}: schemaVersion {version} is not supported; this version of Gates reads schemaVersion {GateReport.CurrentSchemaVersion}");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            NewLine = "\n",
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // The report is a data file, never inlined into HTML, so names like "<img>" stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Source-generated metadata, so a Native AOT build (eval-gate's linux-x64 package) reads and writes reports too.
            TypeInfoResolver = GateReportJsonContext.Default.WithAddedModifier(DropComputedProperties),
        };
        options.Converters.Add(new JsonStringEnumConverter<Verdict>(new LowercaseNamingPolicy(), allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<Comparison>(new LowercaseNamingPolicy(), allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Only data goes into the file: get-only properties such as <see cref="Interval.HalfWidth"/> are derived.</summary>
    private static void DropComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.AttributeProvider is System.Reflection.PropertyInfo { CanWrite: false }).ToList())
        {
            type.Properties.Remove(property);
        }
    }

    private sealed class LowercaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
