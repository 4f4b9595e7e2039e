using System.Text.RegularExpressions;
using Shouldly;

namespace Gates.Testing.Tools;

/// <summary>
/// What every HTML report must hold once Chromium rendered it (<see cref="Chromium.Render"/>): no script, nothing
/// loaded from the network (no http(s) in src, href or url()), no console message, and its charts: inline SVGs,
/// each with a title and a description.
/// </summary>
public static partial class HtmlReportChecks
{
    /// <summary>Renders the file in headless Chromium, checks it is self-contained and returns the DOM and its charts' titles.</summary>
    public static (string Dom, IReadOnlyList<string> ChartTitles) RenderSelfContained(string htmlFile)
    {
        var (dom, console) = Chromium.Render(htmlFile);
        console.ShouldBeEmpty(htmlFile);
        dom.ShouldNotContain("<script", Case.Insensitive);
        ExternalReference().Matches(dom).Select(m => m.Value).ShouldBeEmpty("a report loads nothing from the network");
        var charts = Chart().Matches(dom).Select(m => m.Value).ToList();
        var titles = new List<string>();
        foreach (var chart in charts)
        {
            var title = ChartTitle().Match(chart);
            title.Success.ShouldBeTrue("every chart has a <title>: " + chart[..Math.Min(chart.Length, 200)]);
            chart.ShouldContain("<desc", Case.Sensitive, "every chart has a text alternative (<desc>)");
            titles.Add(System.Net.WebUtility.HtmlDecode(title.Groups[1].Value));
        }

        return (dom, titles);
    }

    [GeneratedRegex("""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("<svg[^>]*>\\s*<title[^>]*>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex ChartTitle();
}
