using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gates.Testing.Tools;

/// <summary>What mermaid made of one diagram: drawn (with the SVG's text), or the parse or render error.</summary>
public sealed record MermaidResult(bool Drawn, string Message, string SvgText);

/// <summary>
/// Parses and draws mermaid diagrams (the ```mermaid blocks of a Markdown summary) with the mermaid pinned in
/// .ci/node-tools, the library GitHub and GitLab use, in headless Chromium: a local page loads mermaid.min.js and
/// calls mermaid.parse and mermaid.render on each diagram. No network.
/// </summary>
public static partial class MermaidDiagrams
{
    /// <summary>The text of every ```mermaid fenced block in <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<string> Blocks(string markdown) =>
        [.. FencedBlock().Matches(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Groups["body"].Value)];

    public static IReadOnlyList<MermaidResult> Draw(IReadOnlyList<string> diagrams)
    {
        using var temp = new TempFolder();
        var script = NodeTools.PackageFile("mermaid", "dist", "mermaid.min.js");
        var json = JsonSerializer.Serialize(diagrams).Replace("</", "<\\/", StringComparison.Ordinal);
        var page = temp.Write("mermaid.html", $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>mermaid</title>
            <script src="{{new Uri(script).AbsoluteUri}}"></script></head><body><div id="out"></div>
            <script>
            const diagrams = {{json}};
            mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
            (async () => {
              for (let i = 0; i < diagrams.length; i++) {
                const d = document.createElement("pre");
                d.className = "result";
                try {
                  await mermaid.parse(diagrams[i]);
                  const r = await mermaid.render("diagram" + i, diagrams[i]);
                  const holder = document.createElement("div");
                  holder.innerHTML = r.svg;
                  holder.querySelectorAll("style").forEach(s => s.remove());
                  d.textContent = "DRAWN|" + (holder.querySelector("svg") ? "svg" : "no svg") + "|" + holder.textContent.replace(/\s+/g, " ");
                } catch (e) {
                  d.textContent = "ERROR|" + String(e && e.message || e).replace(/\s+/g, " ") + "|";
                }
                document.getElementById("out").appendChild(d);
              }
            })();
            </script></body></html>
            """);
        var (dom, _) = Chromium.Render(page, scriptBudgetMs: 60_000);
        var results = ResultLine().Matches(dom)
            .Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value).Split('|', 3))
            .Select(p => new MermaidResult(p[0] == "DRAWN" && p[1] == "svg", p[1], p.Length > 2 ? p[2] : ""))
            .ToList();
        if (results.Count != diagrams.Count)
        {
            throw new Xunit.Sdk.XunitException($"mermaid answered for {results.Count} of {diagrams.Count} diagrams; the page:\n{dom}");
        }

        return results;
    }

    [GeneratedRegex(@"^```mermaid\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"<pre class=""result"">(?<text>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultLine();
}
