using System.Xml.Linq;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class JUnitRendererTests
{
    private readonly JUnitRenderer sut = new();

    [Fact]
    public void Render_realistic_report_matches_approved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Realistic()), "junit-realistic", "xml");

    [Fact]
    public void Render_realistic_report_one_case_per_check_with_failures_for_fail_and_inconclusive()
    {
        var xml = XDocument.Parse(sut.RenderToString(SampleReports.Realistic()));
        var suite = xml.Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();

        xml.Root.Name.LocalName.ShouldBe("testsuites");
        suite.Attribute("tests")!.Value.ShouldBe("6");
        suite.Attribute("failures")!.Value.ShouldBe("2");
        cases.Count.ShouldBe(6);
        cases[3].Element("failure")!.Attribute("type")!.Value.ShouldBe("fail");
        cases[2].Element("failure")!.Attribute("type")!.Value.ShouldBe("inconclusive");
        cases[1].Element("failure").ShouldBeNull();
        cases[1].Element("system-out")!.Value.ShouldStartWith("warn: ");
        cases[5].Attribute("name")!.Value.ShouldBe(SampleReports.HostileName);
    }

    [Fact]
    public void Render_control_characters_still_writes_well_formed_xml()
    {
        var report = SampleReports.Minimal() with
        {
            Checks = [new CheckResult { Name = "bell\u0007\u0000]]>", Verdict = Verdict.Fail, Reason = "a\u001bb\uD800" }],
        };

        var xml = XDocument.Parse(sut.RenderToString(report));

        var testcase = xml.Descendants("testcase").Single();
        testcase.Attribute("name")!.Value.ShouldBe("bell  ]]>");
        testcase.Element("failure")!.Attribute("message")!.Value.ShouldBe("fail: a b\uFFFD");
    }

    [Fact]
    public void Render_declares_Utf8()
    {
        var text = sut.RenderToString(SampleReports.Minimal());

        text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites");
    }
}
