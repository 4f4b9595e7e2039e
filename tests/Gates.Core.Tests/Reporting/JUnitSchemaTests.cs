using System.Diagnostics;
using System.Xml;
using System.Xml.Schema;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

/// <summary>
/// The JUnit XML validates against the schema CI parsers follow (Reporting/junit.xsd: the Jenkins/Ant JUnit schema
/// that GitLab and the GitHub JUnit report actions read), both with System.Xml.Schema and with xmllint (Debian
/// libxml2-utils, listed in apt-packages.txt; missing, the test fails and says what to install).
/// </summary>
public sealed class JUnitSchemaTests
{
    private static readonly string Schema = RepositoryPaths.Of("tests", "Gates.Core.Tests", "Reporting", "junit.xsd");

    public static TheoryData<string> Reports() => ["realistic", "minimal", "no-checks", "hostile", "every-verdict"];

    [Theory]
    [MemberData(nameof(Reports))]
    public void Junit_output_validates_against_the_junit_schema(string name)
    {
        var xml = new JUnitRenderer().RenderToString(Report(name));

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(null, Schema);
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        problems.ShouldBeEmpty(xml);
        var lint = Xmllint(xml);
        lint.Code.ShouldBe(0, lint.Output + "\n" + xml);
    }

    [Fact]
    public void The_schema_rejects_what_ci_parsers_reject()
    {
        // A testcase without a name and a failure before the properties: the schema is not a rubber stamp.
        var lint = Xmllint("""<testsuites><testsuite name="x" tests="1"><testcase classname="c"/><properties/></testsuite></testsuites>""");
        lint.Code.ShouldNotBe(0, lint.Output);
    }

    private static GateReport Report(string name)
    {
        var minimal = SampleReports.Minimal();
        return name switch
        {
            "realistic" => SampleReports.Realistic(),
            "minimal" => minimal,
            "no-checks" => minimal with { Checks = [], Warnings = ["nothing to check"], DurationSeconds = 1234.5678 },
            "hostile" => minimal with
            {
                Tool = new ToolInfo("eval-gate", ""),
                Checks = [new CheckResult { Name = "bell\u0007\u0000]]><x>", Verdict = Verdict.Fail, Reason = "a\u001bb\uD800 & \"q\"" }],
                Warnings = ["<script>\u0001"],
            },
            _ => minimal with
            {
                Checks = [.. Enum.GetValues<Verdict>().Select(v => new CheckResult { Name = v.ToWord(), Verdict = v, Reason = v.ToWord(), N = 10, Interval = new Interval(0.1, 0.2, 0.95) })],
            },
        };
    }

    private static (int Code, string Output) Xmllint(string xml)
    {
        var binary = new[] { "/usr/bin/xmllint" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "xmllint")))
            .FirstOrDefault(File.Exists) ?? throw new Xunit.Sdk.XunitException(
                "xmllint is not installed: install the Debian package 'libxml2-utils' (tests/Gates.Core.Tests/apt-packages.txt lists it for .ci/install-deps)");
        var start = new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--noout", "--schema", Schema, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(xml);
        process.StandardInput.Close();
        process.WaitForExit(60_000).ShouldBeTrue("xmllint did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
