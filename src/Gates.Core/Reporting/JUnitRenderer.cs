using System.Xml;
using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// JUnit XML for GitLab's test report (<c>artifacts:reports:junit</c>) and JUnit viewers on GitHub: one
/// &lt;testsuite&gt; per report, one &lt;testcase&gt; per check. fail is a &lt;failure type="fail"&gt;;
/// inconclusive is a &lt;failure type="inconclusive"&gt;, because it blocks promotion by default (exit 4) and
/// a &lt;skipped&gt; case is easy to overlook; warn passes with a note in &lt;system-out&gt;.
/// Passing and warning cases carry their reason in &lt;system-out&gt;. See docs/report-format.md.
/// </summary>
public sealed class JUnitRenderer : IReportRenderer
{
    public string Format => "junit";

    public void Render(GateReport report, TextWriter writer)
    {
        // Written by hand: XmlWriter would declare the TextWriter's encoding (utf-16 for a StringWriter).
        writer.WriteLine("""<?xml version="1.0" encoding="utf-8"?>""");
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            ConformanceLevel = ConformanceLevel.Document,
        };
        using (var xml = XmlWriter.Create(writer, settings))
        {
            WriteSuites(report, xml);
        }

        writer.WriteLine();
    }

    private static void WriteSuites(GateReport report, XmlWriter xml)
    {
        var tool = Clean(report.Tool.Name);
        var failures = report.Checks.Count(c => c.Verdict is Verdict.Fail or Verdict.Inconclusive).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tests = report.Checks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var time = ReportText.Seconds(report.DurationSeconds);

        xml.WriteStartElement("testsuites");
        WriteCounts(xml, tool, tests, failures, time);
        xml.WriteStartElement("testsuite");
        WriteCounts(xml, tool, tests, failures, time);
        xml.WriteAttributeString("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        WriteProperties(report, xml);
        foreach (var check in report.Checks)
        {
            WriteCase(check, tool, xml);
        }

        if (report.Warnings.Count > 0)
        {
            xml.WriteElementString("system-out", string.Join("\n", report.Warnings.Select(w => "warning: " + Clean(w))));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, string name, string tests, string failures, string time)
    {
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", time);
    }

    private static void WriteProperties(GateReport report, XmlWriter xml)
    {
        xml.WriteStartElement("properties");
        WriteProperty(xml, "verdict", report.Verdict.ToWord());
        WriteProperty(xml, "tool.version", report.Tool.Version);
        WriteProperty(xml, "subject.model", report.Subject.Model);
        WriteProperty(xml, "subject.version", report.Subject.Version);
        WriteProperty(xml, "subject.commit", report.Subject.Commit);
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static void WriteCase(CheckResult check, string tool, XmlWriter xml)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(check.Name));
        xml.WriteAttributeString("classname", tool);
        var reason = Clean(check.Reason);
        if (check.Verdict is Verdict.Fail or Verdict.Inconclusive)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", $"{check.Verdict.ToWord()}: {reason}");
            xml.WriteAttributeString("type", check.Verdict.ToWord());
            xml.WriteString(Body(check, reason));
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", $"{check.Verdict.ToWord()}: {Body(check, reason)}");
        }

        xml.WriteEndElement();
    }

    /// <summary>The reason, then the structured facts (threshold, interval, n, borderline …) one per line.</summary>
    private static string Body(CheckResult check, string reason)
    {
        var lines = new List<string> { reason };
        if (!string.IsNullOrEmpty(check.Metric))
        {
            lines.Add("metric: " + Clean(check.Metric));
        }

        if (!string.IsNullOrEmpty(check.Description))
        {
            lines.Add("description: " + Clean(check.Description));
        }

        AddLine(lines, "observed", ReportText.Value(check));
        AddLine(lines, "threshold", ReportText.Threshold(check));
        AddLine(lines, "interval", ReportText.Interval(check.Interval));
        AddLine(lines, "n", ReportText.Count(check.N));
        lines.AddRange(ReportText.Extras(check).Select(Clean));
        return string.Join("\n", lines);
    }

    private static void AddLine(List<string> lines, string label, string value)
    {
        if (value.Length > 0)
        {
            lines.Add($"{label}: {value}");
        }
    }

    private static string Clean(string? text) => UntrustedText.SingleLine(text);
}
