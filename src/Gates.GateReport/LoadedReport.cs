using Gates.Core.Results;

namespace Gates.GateReport;

/// <summary>One gate report as read: its path for people (relative to the working folder when inside it), its sha256 and content.</summary>
internal sealed record LoadedReport(string Path, string FullPath, string Sha256, Core.Results.GateReport Report);
