using System.Text.Json.Serialization;
using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// Compile-time JSON metadata of the gate report; <see cref="GateReportJson"/> adds its options (names, enums, nulls)
/// at run time. No reflection, so trimmed and Native AOT builds serialize the same report.
/// </summary>
[JsonSerializable(typeof(GateReport))]
internal sealed partial class GateReportJsonContext : JsonSerializerContext;
