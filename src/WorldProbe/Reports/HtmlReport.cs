using System.Net;
using System.Text;
using WorldProbe.Runs;

namespace WorldProbe.Reports;

/// <summary>
/// A self-contained HTML page of sections (headings, paragraphs, tables, images referenced by
/// relative path). Every experiment's report and the demo's index are built with it.
/// </summary>
public sealed class HtmlReport
{
    readonly StringBuilder body = new();
    readonly string title;

    /// <summary>Starts a page titled <paramref name="title"/>.</summary>
    public HtmlReport(string title) => this.title = title;

    /// <summary>Adds a section heading (level 2 by default).</summary>
    public HtmlReport Heading(string text, int level = 2)
    {
        body.Append($"<h{level}>{Escape(text)}</h{level}>\n");
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public HtmlReport Paragraph(string text)
    {
        body.Append($"<p>{Escape(text)}</p>\n");
        return this;
    }

    /// <summary>Adds preformatted text (command lines, logs).</summary>
    public HtmlReport Code(string text)
    {
        body.Append($"<pre>{Escape(text)}</pre>\n");
        return this;
    }

    /// <summary>Adds a table; the first row is the header.</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        body.Append("<table>\n<tr>");
        foreach (string cell in header) body.Append($"<th>{Escape(cell)}</th>");
        body.Append("</tr>\n");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            foreach (string cell in row) body.Append($"<td>{Escape(cell)}</td>");
            body.Append("</tr>\n");
        }
        body.Append("</table>\n");
        return this;
    }

    /// <summary>Adds an image by path relative to the page, with a caption.</summary>
    public HtmlReport Image(string relativePath, string caption)
    {
        body.Append($"<figure><img src=\"{Escape(relativePath)}\" alt=\"{Escape(caption)}\"><figcaption>{Escape(caption)}</figcaption></figure>\n");
        return this;
    }

    /// <summary>Adds a link by path relative to the page.</summary>
    public HtmlReport Link(string relativePath, string text)
    {
        body.Append($"<p><a href=\"{Escape(relativePath)}\">{Escape(text)}</a></p>\n");
        return this;
    }

    /// <summary>The whole page.</summary>
    public string Render() =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Escape(title)}</title>\n<style>{Style}</style></head>\n" +
        $"<body>\n<h1>{Escape(title)}</h1>\n{body}<footer>WorldProbe {Escape(BuildInfo.Version)} ({Escape(BuildInfo.GitCommit)})</footer>\n</body></html>\n";

    /// <summary>Writes the page atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Render());

    static string Escape(string text) => WebUtility.HtmlEncode(text);

    const string Style =
        "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}" +
        "th{background:#f4f4f4}img{max-width:100%}figure{margin:1em 0}figcaption{color:#555;font-size:90%}" +
        "pre{background:#f6f6f6;padding:8px;overflow-x:auto}footer{margin-top:3em;color:#888;font-size:80%}";
}
