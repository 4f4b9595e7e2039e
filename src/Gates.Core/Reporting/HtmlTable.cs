using System.Net;
using System.Text;

namespace Gates.Core.Reporting;

/// <summary>A plain HTML table for report pages: every header and cell is HTML-encoded; an optional caption.</summary>
public static class HtmlTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var b = new StringBuilder("<table>\n");
        if (!string.IsNullOrEmpty(caption))
        {
            b.Append($"<caption>{E(caption)}</caption>\n");
        }

        b.Append("<thead><tr>").Append(string.Concat(headers.Select(h => $"<th>{E(h)}</th>"))).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            b.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>\n");
        }

        return b.Append("</tbody>\n</table>\n").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
