namespace Gates.Core.Reporting;

/// <summary>Where a tool's section goes on the shared HTML page: above or below the table of checks.</summary>
public enum SectionPlacement
{
    AfterChecks,
    BeforeChecks,
}

/// <summary>
/// A tool's own part of the shared HTML page (<see cref="HtmlRenderer"/>): a heading (escaped by the page) and
/// <paramref name="Html"/>, markup the tool built with every value escaped (charts from Gates.Core.Charts, tables
/// from <see cref="HtmlTable"/>). <paramref name="Id"/> becomes the section's anchor when given.
/// </summary>
public sealed record HtmlSection(string Heading, string Html, string? Id = null, SectionPlacement Placement = SectionPlacement.AfterChecks);
